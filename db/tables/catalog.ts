/** Dialogues, calls and what the bot knows about them: FAQ entries, their translations, and the questions it could not answer. */
import type { Generated } from 'kysely';
import type { ApprovalBody, DialogueFormat, DialogueStatus, FaqTopic, Platform } from '../../domain/types';
import type { QuestionKind, QuestionStatus } from '../../domain/questions';

export interface DialoguesTable {
  id: string;
  name: string;
  short_name: string;
  date: string | null;
  format: DialogueFormat;
  location: string;
  description: string;
  status: DialogueStatus;
  call_note: string | null;
  sort_order: number;
  /** JSON string[]: other names of the dialogue, any language. */
  aliases: Generated<string>;
  /** JSON { fr?: DialogueText, es?: DialogueText }. */
  translations: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CallsTable {
  id: string;
  title: string;
  reference_prefix: string;
  opens_at: string;
  closes_at: string;
  zone: string;
  archived: number;
  /** Last reference number handed out; bumped in the submission's atomic write. */
  last_reference: Generated<number>;
  /** Who approves what reviewers recommend: states_parties | extended_bureau | secretariat. */
  approval_body: Generated<ApprovalBody>;
  /** JSON BalanceTargets: target share per gender and per regional group. */
  balance_targets: Generated<string>;
  /** Months after the call's last dialogue that personal data is kept (retention job). */
  retention_months: Generated<number>;
  /** JSON { fr?: { title }, es?: { title } }: the title in the other languages. */
  translations: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface CallDialoguesTable {
  call_id: string;
  dialogue_id: string;
}

export interface FaqEntriesTable {
  id: string;
  call_id: string | null;
  question: string;
  variants: string; // JSON string[]
  answer: string;
  source: string;
  source_url: string | null;
  topic: FaqTopic | null;
  archived: Generated<number>;
  /** JSON string[]: up to three FAQ entry ids offered as follow-up questions. */
  related: Generated<string>;
  updated_at: string;
}

/** An FAQ entry in one more language (English is faq_entries itself). */
export interface FaqTranslationsTable {
  faq_id: string;
  locale: string;
  question: string;
  variants: string; // JSON string[]
  answer: string;
  updated_at: string;
}

export interface UnansweredQuestionsTable {
  id: string;
  text: string;
  platform: Platform;
  person_id: string | null;
  asked_at: string;
  best_match_id: string | null;
  status: QuestionStatus;
  answered_faq_id: string | null;
  /** JSON Recipient: where the answer goes; null when none can be delivered. */
  reply_to: string | null;
  locale: Generated<string>;
  /** The question normalised: the same question from several people groups on it. */
  normalized: Generated<string>;
  /** The question this one is answered through (same question, or merged by the secretariat). */
  merged_into: string | null;
  kind: Generated<QuestionKind>;
  answer: string | null;
  answered_by: string | null;
  answered_ref: string | null;
  answered_at: string | null;
  /** Written by the answering batch: its later statements run only if this batch won. */
  answer_token: string | null;
  dismiss_reason: string | null;
  assigned_to: string | null;
  assigned_ref: string | null;
  /** Bumped on every change the secretariat channel's card shows. */
  version: Generated<number>;
}
