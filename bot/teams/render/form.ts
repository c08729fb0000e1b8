/**
 * Application form steps and one-question prompts as Adaptive Cards. Client-side checks
 * (isRequired, regex, maxLength) save a round trip; the server checks again and its messages
 * are shown under the fields with the person's values kept.
 */
import type { FormFieldView, FormView, PromptView } from '../../../domain/messages';
import {
  adaptiveCard,
  executeAction,
  factElements,
  FORM_VERB,
  PROMPT_VERB,
  submitAction,
  textBlock,
  textBlocks,
  type AdaptiveCard,
  type AdaptiveElement,
} from './adaptive';
import { inertFields } from './card';
import { teamsInert } from './inert';

export interface FormRenderOptions {
  /** Dialogs (task modules) only run Action.Submit; chat cards use Action.Execute. */
  surface?: 'chat' | 'dialog';
}

/** Renders one form step (or the summary to confirm). */
export function formToAdaptiveCard(form: FormView, opts: FormRenderOptions = {}): AdaptiveCard {
  const body: AdaptiveElement[] = [
    textBlock(teamsInert(`${form.title} (${form.stepNumber}/${form.stepCount})`), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
  ];
  if (form.intro) body.push(...textBlocks(teamsInert(form.intro)));
  if (form.summary) body.push(...factElements(inertFields(form.summary)));
  // Teams takes about 28 KB per card and a country list is about 8 KB: the first country field of
  // a step lists every country; later ones (nationalities of representatives 2 and 3) search as
  // people type, answered by the bot's application/search invoke, and list only what was chosen.
  let listed = false;
  for (const field of form.fields) {
    const searchOnly = field.optionsSource === 'countries' && listed;
    listed ||= field.optionsSource === 'countries';
    body.push(...fieldElements(field, searchOnly));
  }

  const multi = form.fields.filter((f) => f.kind === 'multiselect').map((f) => f.id);
  const data = { formId: form.formId, draftId: form.draftId, stepId: form.stepId, ...(multi.length ? { multi } : {}) };
  const action =
    opts.surface === 'dialog'
      ? submitAction(form.submitLabel, { ...data, verb: FORM_VERB }, 'positive')
      : executeAction(form.submitLabel, FORM_VERB, data, { style: 'positive', associatedInputs: 'auto' });
  // Back discards this step's inputs (associatedInputs none) and shows the previous one. A dialog
  // answers only submissions, so it has no Back.
  const back =
    form.back && opts.surface !== 'dialog'
      ? [executeAction(form.back.label, form.back.id, { value: form.back.value }, { associatedInputs: 'none' })]
      : [];
  return adaptiveCard(body, [...back, action]);
}

/** One free-text question; its answer comes back as a submission on `prompt.formId`. */
export function promptToAdaptiveCard(prompt: PromptView, opts: FormRenderOptions & { error?: string; value?: string } = {}): AdaptiveCard {
  const body: AdaptiveElement[] = [
    textBlock(teamsInert(prompt.title), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    {
      type: 'Input.Text',
      id: 'text',
      label: prompt.label,
      isMultiline: true,
      isRequired: true,
      ...(prompt.invalidMessage ? { errorMessage: prompt.invalidMessage } : {}),
      maxLength: prompt.maxLength,
      ...(opts.value ? { value: opts.value } : {}),
    },
  ];
  if (opts.error) body.push(...errorBlocks(opts.error));
  // The question rides along so that a server-side error can ask it again without state.
  const data = {
    formId: prompt.formId,
    contextId: prompt.contextId,
    prompt: {
      title: prompt.title,
      label: prompt.label,
      submitLabel: prompt.submitLabel,
      maxLength: prompt.maxLength,
      ...(prompt.invalidMessage ? { invalidMessage: prompt.invalidMessage } : {}),
      ...(prompt.locale ? { locale: prompt.locale } : {}),
    },
  };
  const action =
    opts.surface === 'dialog'
      ? submitAction(prompt.submitLabel, { ...data, verb: PROMPT_VERB })
      : executeAction(prompt.submitLabel, PROMPT_VERB, data, { associatedInputs: 'auto' });
  return adaptiveCard(body, [action]);
}

/** Re-applies what the person typed and the server's messages to a step, e.g. after field errors. */
export function withValuesAndErrors(
  form: FormView,
  values: Record<string, string | string[] | undefined>,
  errors: Record<string, string>,
): FormView {
  return {
    ...form,
    fields: form.fields.map((f) => {
      const v = values[f.id];
      return { ...f, ...(v !== undefined ? { value: v } : {}), ...(errors[f.id] ? { error: errors[f.id] } : {}) };
    }),
  };
}

function fieldElements(f: FormFieldView, searchOnly = false): AdaptiveElement[] {
  const common = {
    id: f.id,
    label: f.label,
    isRequired: f.required,
    // Shown by the client when isRequired/regex fail: the field's own sentence, never one
    // assembled from its label.
    ...((f.error ?? f.invalidMessage) ? { errorMessage: f.error ?? f.invalidMessage } : {}),
  };
  const value = Array.isArray(f.value) ? f.value.join(',') : f.value;
  const withValue = value !== undefined && value !== '' ? { value } : {};
  let input: AdaptiveElement;
  switch (f.kind) {
    case 'select':
    case 'multiselect': {
      // A search-only list starts with what was chosen and the likeliest answers (Teams needs at
      // least one choice); without either it lists everything.
      const short = [...(Array.isArray(f.value) ? f.value : [f.value]), ...(f.suggested ?? [])];
      const shortList = (f.options ?? []).filter((o) => short.includes(o.value));
      const options = searchOnly && shortList.length > 0 ? shortList : (f.options ?? []);
      const search = f.optionsSource ? { 'choices.data': { type: 'Data.Query', dataset: f.optionsSource } } : {};
      input = {
        type: 'Input.ChoiceSet',
        ...common,
        style: f.optionsSource ? 'filtered' : f.kind === 'select' && (f.options?.length ?? 0) <= 5 ? 'expanded' : 'compact',
        isMultiSelect: f.kind === 'multiselect',
        choices: options.map((o) => ({ title: o.label, value: o.value })),
        ...search,
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
        ...withValue,
      };
      break;
    }
    case 'checkbox':
      input = {
        type: 'Input.Toggle',
        ...common,
        title: f.options?.[0]?.label ?? f.help ?? f.label,
        valueOn: 'true',
        valueOff: 'false',
        ...(value !== undefined ? { value: value === 'true' || value === 'yes' || value === 'on' ? 'true' : 'false' } : {}),
      };
      break;
    default:
      input = {
        type: 'Input.Text',
        ...common,
        ...(f.kind === 'textarea' ? { isMultiline: true } : {}),
        ...(f.kind === 'email' ? { style: 'Email' } : f.kind === 'url' ? { style: 'Url' } : {}),
        ...(f.maxLength ? { maxLength: f.maxLength } : {}),
        ...(f.pattern ? { regex: f.pattern } : {}),
        ...(f.placeholder ? { placeholder: f.placeholder } : {}),
        ...withValue,
      };
  }
  const out: AdaptiveElement[] = [input];
  if (f.help && f.kind !== 'checkbox') out.push(...textBlocks(teamsInert(f.help), { size: 'Small', isSubtle: true, spacing: 'None' }));
  if (f.error) out.push(...errorBlocks(f.error));
  return out;
}

function errorBlocks(message: string): AdaptiveElement[] {
  return textBlocks(teamsInert(message), { color: 'Attention', size: 'Small', spacing: 'None' });
}
