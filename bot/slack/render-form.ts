/**
 * Form steps and prompts as Slack modals, and modal state back to neutral values. The field id is
 * both block_id and action_id, so errors (`response_action: errors`, keyed by block_id) land on
 * the right input and values come back keyed by field id.
 */
import type { FormFieldView, FormView, PromptView } from '../../domain/messages';
import type { ViewSubmission } from './schemas';
import { LIMITS, type Block } from './render';
import { mrkdwn, plain, splitText, slackInert, truncate } from './text';

/** Values of a submitted view, keyed by field id (the engine's RawValues). */
export type SubmittedValues = Record<string, string | string[]>;

const FORM_CALLBACK = 'form';
const PROMPT_CALLBACK = 'prompt';
const TITLE_MAX = 24;
const OPTIONS_MAX = 100;

type Option = { value: string; label: string };

/** callback_id carries formId and stepId; private_metadata carries only the draft id. */
export function formCallbackId(formId: string, stepId: string): string {
  return `${FORM_CALLBACK}|${formId}|${stepId}`;
}

export function promptCallbackId(formId: string): string {
  return `${PROMPT_CALLBACK}|${formId}`;
}

export type ParsedCallback = { kind: 'form'; formId: string; stepId: string } | { kind: 'prompt'; formId: string } | null;

export function parseCallbackId(callbackId: string): ParsedCallback {
  const [kind, formId, stepId] = callbackId.split('|');
  if (kind === FORM_CALLBACK && formId && stepId !== undefined) return { kind: 'form', formId, stepId };
  if (kind === PROMPT_CALLBACK && formId) return { kind: 'prompt', formId };
  return null;
}

function option(o: Option) {
  return { text: plain(o.label, 75), value: o.value.slice(0, 150) };
}

/** Over 100 options (countries) Slack needs option groups of at most 100 each. */
function optionsOf(options: Option[]): Record<string, unknown> {
  if (options.length <= OPTIONS_MAX) return { options: options.map(option) };
  const groups = [];
  for (let i = 0; i < options.length && groups.length < OPTIONS_MAX; i += OPTIONS_MAX) {
    const chunk = options.slice(i, i + OPTIONS_MAX);
    const first = chunk[0]!.label.charAt(0).toUpperCase();
    const last = chunk[chunk.length - 1]!.label.charAt(0).toUpperCase();
    groups.push({ label: plain(first === last ? first : `${first}–${last}`, 75), options: chunk.map(option) });
  }
  return { option_groups: groups };
}

function selected(field: FormFieldView, options: Option[]): Option[] {
  const values = Array.isArray(field.value) ? field.value : field.value ? [field.value] : [];
  return options.filter((o) => values.includes(o.value));
}

function element(field: FormFieldView): Record<string, unknown> {
  const base = { action_id: field.id, ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}) };
  const options = field.options ?? [];
  switch (field.kind) {
    case 'select': {
      const [initial] = selected(field, options);
      return { type: 'static_select', ...base, ...optionsOf(options), ...(initial ? { initial_option: option(initial) } : {}) };
    }
    case 'multiselect': {
      const initial = selected(field, options);
      return { type: 'multi_static_select', ...base, ...optionsOf(options), ...(initial.length ? { initial_options: initial.map(option) } : {}) };
    }
    case 'checkbox': {
      // A lone checkbox (consent) is one option whose value says "ticked".
      const opts = (options.length ? options : [{ value: 'true', label: field.label }]).slice(0, 10);
      const ticked = selected(field, opts);
      return { type: 'checkboxes', action_id: field.id, options: opts.map(option), ...(ticked.length ? { initial_options: ticked.map(option) } : {}) };
    }
    default: {
      const initial = typeof field.value === 'string' && field.value !== '' ? truncate(field.value, 3000) : undefined;
      return {
        type: 'plain_text_input',
        ...base,
        multiline: field.kind === 'textarea',
        ...(field.maxLength ? { max_length: Math.min(field.maxLength, 3000) } : {}),
        ...(initial !== undefined ? { initial_value: initial } : {}),
      };
    }
  }
}

function inputBlock(field: FormFieldView): Block {
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, 2000),
    optional: !field.required,
    element: element(field),
    ...(field.help ? { hint: plain(field.help, 2000) } : {}),
  };
}

function title(text: string, stepNumber?: number, stepCount?: number): ReturnType<typeof plain> {
  const suffix = stepCount && stepCount > 1 ? ` (${stepNumber}/${stepCount})` : '';
  return plain(truncate(text, TITLE_MAX - suffix.length) + suffix, TITLE_MAX);
}

/** A form step as a modal. A step with `summary` shows read-only fields to confirm. */
export function formToModal(form: FormView): Record<string, unknown> {
  const blocks: Block[] = [];
  if (form.intro) for (const part of splitText(slackInert(form.intro), LIMITS.sectionText)) blocks.push({ type: 'section', text: mrkdwn(part) });
  if (form.summary) {
    for (const f of form.summary) blocks.push({ type: 'section', text: mrkdwn(`*${slackInert(f.label)}*\n${slackInert(f.value)}`) });
  } else {
    for (const field of form.fields) {
      blocks.push(inputBlock(field));
      // Errors can only be attached to a block in the response to a submission; an error the
      // engine sends with a freshly rendered step is shown under the field instead.
      if (field.error) blocks.push({ type: 'context', elements: [mrkdwn(`:warning: ${slackInert(field.error)}`)] });
    }
  }
  // Back is a button inside the modal: its click comes as block_actions with the view, and the
  // previous step replaces this one (views.update).
  if (form.back) {
    blocks.push({ type: 'actions', elements: [{ type: 'button', text: plain(form.back.label, 75), action_id: truncate(form.back.id, LIMITS.actionId), value: truncate(form.back.value ?? '', 2000) }] });
  }
  return {
    type: 'modal',
    callback_id: truncate(formCallbackId(form.formId, form.stepId), 255),
    private_metadata: JSON.stringify({ draftId: form.draftId }),
    title: title(form.title, form.stepNumber, form.stepCount),
    submit: plain(form.submitLabel || 'Next', TITLE_MAX),
    close: plain('Close', TITLE_MAX),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

export const PROMPT_FIELD = 'text';

/** A one-input modal; its submission returns `{ text }` on the prompt's formId and contextId. */
export function promptToModal(prompt: PromptView, channel?: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: truncate(promptCallbackId(prompt.formId), 255),
    private_metadata: JSON.stringify({ contextId: prompt.contextId, ...(channel ? { channel } : {}) }),
    title: title(prompt.title),
    submit: plain(prompt.submitLabel || 'Send', TITLE_MAX),
    close: plain('Cancel', TITLE_MAX),
    blocks: [inputBlock({ id: PROMPT_FIELD, label: prompt.label, kind: 'textarea', required: true, maxLength: prompt.maxLength })],
  };
}

/** Modal state -> values by field id: text as a string, selects as their value, multi-selects and checkboxes as string[]. */
export function viewValues(view: ViewSubmission['view']): SubmittedValues {
  const out: SubmittedValues = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const state = actions[blockId] ?? Object.values(actions)[0];
    if (!state) continue;
    switch (state.type) {
      case 'multi_static_select':
      case 'checkboxes':
        out[blockId] = (state.selected_options ?? []).map((o) => o.value);
        break;
      case 'static_select':
      case 'radio_buttons':
        out[blockId] = state.selected_option?.value ?? '';
        break;
      case 'datepicker':
        out[blockId] = state.selected_date ?? '';
        break;
      default:
        out[blockId] = state.value ?? '';
    }
  }
  return out;
}
