/**
 * Neutral messages: what the product says, before any platform decides how it looks.
 * Renderers (Block Kit, Adaptive Cards, playground HTML/terminal) are pure functions of these.
 */
import type { Locale } from './i18n/locales';
import type { Platform } from './types';

export interface Source {
  label: string; // "Call for participation, 2023 — Key dates and deadlines" or "FAQ: Who can apply?"
  quote: string | null;
  url: string | null;
}

export interface CardField {
  label: string;
  value: string;
}

export interface CardAction {
  /** Stable id the engine routes on, e.g. "apply", "review.approve". */
  id: string;
  label: string;
  /** Opaque string handed back with the action (ids only, never personal data). */
  value?: string;
  style?: 'primary' | 'danger';
  /**
   * Opens this address instead of sending the action (Slack link button, Teams Action.OpenUrl).
   * Only for addresses the product made itself (a download link), never for text a person typed.
   */
  url?: string;
}

/**
 * A part of a card with its own buttons, e.g. one dialogue of an application under review. Hosts
 * that show a few buttons per row or per card (Teams: 6) keep every section's buttons visible.
 */
export interface CardSection {
  text: string;
  actions?: CardAction[];
}

export interface Card {
  /** The language of the card, for the words a renderer adds to it ("Open in a window"). */
  locale?: Locale;
  title: string;
  subtitle?: string;
  text?: string;
  fields?: CardField[];
  /** Shown after text and fields, each with its buttons right under it. */
  sections?: CardSection[];
  actions?: CardAction[];
  footer?: string;
}

export type Reply =
  /** `locale`: the language of the text, for the renderer's own words around it ("Source:"). */
  | { kind: 'text'; text: string; sources?: Source[]; locale?: Locale }
  | { kind: 'card'; card: Card }
  /** Show a step of the application form (see domain/form). */
  | { kind: 'form'; form: FormView }
  /** Ask one free-text question whose answer comes back as a `submission` on `formId`. */
  | { kind: 'prompt'; prompt: PromptView };

export interface FormFieldView {
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'email' | 'url' | 'select' | 'multiselect' | 'checkbox';
  required: boolean;
  help?: string;
  placeholder?: string;
  maxLength?: number;
  /** Regex a client may check before sending (the server checks again). */
  pattern?: string;
  options?: { value: string; label: string }[];
  /**
   * The options are a well-known list that the server can search ('countries'): surfaces short
   * of room may offer a search instead of the whole list (Teams: typeahead, application/search).
   */
  optionsSource?: 'countries';
  /** The likeliest options (e.g. the organisation's country for a nationality), for short lists. */
  suggested?: string[];
  value?: string | string[];
  error?: string;
  /**
   * What a client says when its own checks (required, pattern, length) fail, written for this
   * field rather than assembled from its label; the server's `error` takes precedence.
   */
  invalidMessage?: string;
}

export interface FormView {
  /** Routes the submission back: "application". */
  formId: string;
  /** Draft id, the only thing a platform needs to carry between steps. */
  draftId: string;
  stepId: string;
  /** The language the form is written in; renderers write their own words (Close, Step 2 of 6) in it. */
  locale?: Locale;
  title: string;
  intro?: string;
  stepNumber: number;
  stepCount: number;
  fields: FormFieldView[];
  submitLabel: string;
  /**
   * Goes to the previous step without saving this one (absent on the first step). Surfaces show
   * it as a secondary button that sends an `action` with this id and value.
   */
  back?: CardAction;
  /** Set when the step is the summary to confirm: read-only text instead of inputs. */
  summary?: CardField[];
}

export interface PromptView {
  formId: string; // "review.reason", "info.answer"
  contextId: string; // opaque id (decision draft, application)
  /** The language of the prompt, for the renderer's own words (Cancel). */
  locale?: Locale;
  title: string;
  label: string;
  submitLabel: string;
  maxLength: number;
  /** What a client says when the answer is missing (see FormFieldView.invalidMessage). */
  invalidMessage?: string;
}

/** Where an outbox message goes. Platform-specific addressing stays in `address`. */
export interface Recipient {
  platform: Platform;
  kind: 'user' | 'channel';
  /** Slack user or channel id, Teams AAD object id or conversation id, playground name. */
  address: string;
  /** Slack team id or Teams tenant id, when known. */
  scope?: string;
  /** The language the recipient reads (a person's, or a reviewer channel's); English when absent. */
  locale?: Locale;
  /** Slack: the thread (parent message ts) a channel message belongs in. */
  thread?: string;
}

/**
 * A message to someone other than the person the engine is talking to (reviewer card, applicant
 * notice, reminder), written to the outbox with the state change that caused it.
 */
export interface OutboundMessage {
  recipient: Recipient;
  purpose:
    | 'review_card'
    | 'review_card_update'
    | 'decision_notice'
    | 'confirmation'
    | 'reminder'
    | 'call_opened'
    | 'info_request'
    | 'sign_in_code'
    | 'question_answer'
    | 'question_card'
    | 'question_card_update'
    | 'round_notice';
  /** For review_card_update and question_card_update: the dedupe key of the card it replaces. */
  replaces?: string;
  replies: Reply[];
  /** Unique per intended delivery: the same key is never sent twice. */
  dedupeKey: string;
}
