/**
 * Form steps and prompts as Slack modals, and modal state back to neutral values. The field id is
 * both block_id and action_id, so errors (`response_action: errors`, keyed by block_id) land on
 * the right input and values come back keyed by field id.
 */
import type { InputBlockElement, ModalView, Option as SlackOption, PlainTextOption } from '@slack/types';
import type { FormFieldView, FormView, PromptView } from '../../domain/messages';
import type { ViewSubmission } from './schemas';
import { LIMITS, type Block } from './render';
import { mrkdwn, plain, splitText, slackInert, truncate } from './text';
import { t, type Locale } from '../../domain/i18n';

/** Values of a submitted view, keyed by field id (the engine's RawValues). */
export type SubmittedValues = Record<string, string | string[]>;

const FORM_CALLBACK = 'form';
const PROMPT_CALLBACK = 'prompt';
const TITLE_MAX = 24;
const OPTIONS_MAX = 100;

type Option = { value: string; label: string };

/** callback_id carries formId and stepId; private_metadata the draft id and the modal's language (none: English). */
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

function option(o: Option): PlainTextOption {
  return { text: plain(o.label, 75), value: o.value.slice(0, 150) };
}

type Options = { options: PlainTextOption[] } | { option_groups: { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] };

/** Over 100 options (countries) Slack needs option groups of at most 100 each. */
function optionsOf(options: Option[]): Options {
  if (options.length <= OPTIONS_MAX) return { options: options.map(option) };
  const groups = [];
  for (let i = 0; i < options.length && groups.length < OPTIONS_MAX; i += OPTIONS_MAX) {
    const chunk = options.slice(i, i + OPTIONS_MAX);
    const first = chunk.at(0)?.label.charAt(0).toUpperCase() ?? '';
    const last = chunk.at(-1)?.label.charAt(0).toUpperCase() ?? '';
    groups.push({ label: plain(first === last ? first : `${first}–${last}`, 75), options: chunk.map(option) });
  }
  return { option_groups: groups };
}

function selected(field: FormFieldView, options: Option[]): Option[] {
  const values = Array.isArray(field.value) ? field.value : field.value ? [field.value] : [];
  return options.filter((o) => values.includes(o.value));
}

function element(field: FormFieldView): InputBlockElement {
  const base = { action_id: field.id, ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}) };
  const options = field.options ?? [];
  switch (field.kind) {
    case 'select': {
      const [initial] = selected(field, options);
      return { type: 'static_select', ...base, ...optionsOf(options), ...(initial ? { initial_option: option(initial) } : {}) };
    }
    case 'multiselect': {
      const initial = selected(field, options);
      return {
        type: 'multi_static_select',
        ...base,
        ...optionsOf(options),
        ...(initial.length ? { initial_options: initial.map(option) } : {}),
      };
    }
    case 'checkbox': {
      // A lone checkbox (consent) is one option whose value says "ticked".
      const opts = (options.length ? options : [{ value: 'true', label: field.label }]).slice(0, 10);
      const ticked = selected(field, opts);
      const boxes: SlackOption[] = opts.map(option);
      return { type: 'checkboxes', action_id: field.id, options: boxes, ...(ticked.length ? { initial_options: ticked.map(option) } : {}) };
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

/**
 * Slack cuts a modal title at 24 characters, so the title is only ever a short one: the step
 * count for the form, the prompt's own title when it fits, else the app's name. The full title
 * is then the first block of the modal.
 */
function titled(
  text: string,
  step?: { number: number; count: number; locale?: Locale },
): { title: ReturnType<typeof plain>; header: Block[] } {
  const short = step
    ? t(step.locale ?? 'en', 'chrome.stepOf', { number: step.number, count: step.count })
    : text.length <= TITLE_MAX
      ? text
      : 'Dialogue Desk';
  const header: Block[] = short === text ? [] : [{ type: 'header', text: plain(text, LIMITS.headerText) }];
  return { title: plain(short, TITLE_MAX), header };
}

/** A form step as a modal. A step with `summary` shows read-only fields to confirm. */
export function formToModal(form: FormView): ModalView {
  const { title, header } = titled(form.title, {
    number: form.stepNumber,
    count: form.stepCount,
    ...(form.locale && form.locale !== 'en' ? { locale: form.locale } : {}),
  });
  const blocks: Block[] = [...header];
  if (form.intro)
    for (const part of splitText(slackInert(form.intro), LIMITS.sectionText)) blocks.push({ type: 'section', text: mrkdwn(part) });
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
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: plain(form.back.label, 75),
          action_id: truncate(form.back.id, LIMITS.actionId),
          value: truncate(form.back.value ?? '', 2000),
        },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: truncate(formCallbackId(form.formId, form.stepId), 255),
    private_metadata: JSON.stringify({ draftId: form.draftId, ...(form.locale && form.locale !== 'en' ? { locale: form.locale } : {}) }),
    title,
    submit: plain(form.submitLabel || t(form.locale ?? 'en', 'chrome.next'), TITLE_MAX),
    close: plain(t(form.locale ?? 'en', 'chrome.close'), TITLE_MAX),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

export const PROMPT_FIELD = 'text';

/** A one-input modal; its submission returns `{ text }` on the prompt's formId and contextId. */
export function promptToModal(prompt: PromptView, channel?: string): ModalView {
  const { title, header } = titled(prompt.title);
  return {
    type: 'modal',
    callback_id: truncate(promptCallbackId(prompt.formId), 255),
    private_metadata: JSON.stringify({
      contextId: prompt.contextId,
      ...(channel ? { channel } : {}),
      ...(prompt.locale && prompt.locale !== 'en' ? { locale: prompt.locale } : {}),
    }),
    title,
    submit: plain(prompt.submitLabel || t(prompt.locale ?? 'en', 'chrome.send'), TITLE_MAX),
    close: plain(t(prompt.locale ?? 'en', 'chrome.cancel'), TITLE_MAX),
    blocks: [
      ...header,
      inputBlock({ id: PROMPT_FIELD, label: prompt.label, kind: 'textarea', required: true, maxLength: prompt.maxLength }),
    ],
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
