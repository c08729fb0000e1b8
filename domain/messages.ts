/**
 * Neutral messages: what the product says, before any platform decides how it looks.
 * Renderers (Block Kit, Adaptive Cards, playground HTML/terminal) are pure functions of these.
 */
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
}

export interface Card {
  title: string;
  subtitle?: string;
  text?: string;
  fields?: CardField[];
  actions?: CardAction[];
  footer?: string;
}

export type Reply =
  | { kind: 'text'; text: string; sources?: Source[] }
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
  value?: string | string[];
  error?: string;
}

export interface FormView {
  /** Routes the submission back: "application". */
  formId: string;
  /** Draft id, the only thing a platform needs to carry between steps. */
  draftId: string;
  stepId: string;
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
  title: string;
  label: string;
  submitLabel: string;
  maxLength: number;
}

/** Where an outbox message goes. Platform-specific addressing stays in `address`. */
export interface Recipient {
  platform: Platform;
  kind: 'user' | 'channel';
  /** Slack user or channel id, Teams AAD object id or conversation id, playground name. */
  address: string;
  /** Slack team id or Teams tenant id, when known. */
  scope?: string;
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
    | 'review_card' | 'review_card_update' | 'decision_notice' | 'confirmation' | 'reminder' | 'call_opened' | 'info_request' | 'sign_in_code'
    | 'question_answer' | 'question_card' | 'question_card_update';
  /** For review_card_update and question_card_update: the dedupe key of the card it replaces. */
  replaces?: string;
  replies: Reply[];
  /** Unique per intended delivery: the same key is never sent twice. */
  dedupeKey: string;
}
