/**
 * What the contract suite asks of every chat surface, in the words of the people using it: an
 * applicant who asks, applies and is told; a reviewer who decides on a card in the reviewers'
 * channel. Each platform's driver does it the way that platform does (signed Slack requests and
 * the fake Web API, signed Bot Framework activities and the fake connector, the playground's
 * JSON API), always through HTTP into the whole product built by the test harness.
 */
import type { RawValues } from '../../bot/core/types';
import type { TestApp } from '../support/harness';

export type Verb = 'approve' | 'reject' | 'request_info';

/** A step of the application form as the applicant sees it. */
export interface Step {
  /** "dialogues", "organisation", … "confirm". */
  id: string;
  /** Messages shown next to fields, by field id; empty when the step was accepted. */
  errors: Record<string, string>;
  /** What the inputs hold when the step is shown (answers given before, kept). */
  values: Record<string, string | string[]>;
  /** Everything written on the step (title, summary). */
  text: string;
}

/** A review card in the reviewers' channel, in its latest version. */
export interface ReviewCard {
  text: string;
  /** The decision buttons still on the card, as "approve|firearms". */
  buttons: string[];
}

/** Something the product sent to someone, for "nothing sent twice". */
export interface Sent {
  to: 'applicant' | 'reviewers' | 'someone else';
  /** A new message, or a change to one already sent (Slack chat.update, Teams PUT, playground update). */
  kind: 'post' | 'update';
  /** Which message an update replaces; empty for a new message. */
  message: string;
  text: string;
}

export interface ContractDriver {
  readonly platform: 'slack' | 'teams' | 'playground';
  /** The product under test (its clock, database, outbox). */
  readonly t: TestApp;
  /** The applicant asks in their direct conversation; the text of every answer they got. */
  ask(text: string): Promise<string>;
  /** The platform delivers the last question again (Slack and Teams retry); null where it never does. */
  readonly redeliverLastQuestion: (() => Promise<void>) | null;
  /** The applicant says they want to apply: the first step of the form. */
  apply(): Promise<Step>;
  /** The applicant fills the current step with these answers and sends it. */
  fill(values: RawValues): Promise<Step>;
  /** The applicant presses Back on the current step. */
  back(): Promise<Step>;
  /** The applicant sends the summary: everything they were told as a result. */
  confirm(): Promise<string>;
  /** Delivers what is due in the outbox (the harness's worker run). */
  deliver(): Promise<void>;
  /** Texts the applicant received outside of direct answers (notices, confirmations), oldest first. */
  applicantInbox(): Promise<string[]>;
  /** The newest review card in the reviewers' channel, or null when none went there. */
  reviewCard(): Promise<ReviewCard | null>;
  /**
   * Someone presses a decision button on the review card; a reason is typed into the prompt that
   * reject and request-information open. The text of what the presser was answered.
   */
  decide(who: 'reviewer' | 'applicant', verb: Verb, dialogue: string, reason?: string): Promise<string>;
  /** Everything sent so far through the platform (connector, Web API, playground feed). */
  sent(): Promise<Sent[]>;
  close(): Promise<void>;
}

export interface DriverFactory {
  platform: ContractDriver['platform'];
  start(): Promise<ContractDriver>;
}
