/**
 * What the conversation engine and the jobs need from storage. db/ implements these with Kysely;
 * tests may too. Every method that changes more than one row is atomic.
 */
import type { StageCounts } from './balance';
import type { Locale } from './i18n/locales';
import type { OutboundMessage, Recipient } from './messages';
import type { PrivacyPort } from './privacy';
import type { QuestionGroup, QuestionKind } from './questions';
import type {
  Application,
  ApplicationAnswers,
  ApprovalBody,
  Call,
  Decision,
  DecisionOutcome,
  Dialogue,
  DialogueReviewStatus,
  FaqEntry,
  LocaleSource,
  Person,
  Platform,
} from './types';

export interface SubmitInput {
  id: string;
  answers: ApplicationAnswers;
  regionalGroup: string;
  now: string;
  actorRef: string;
  /** Built by the caller once the reference is known. */
  messages: (application: Application) => OutboundMessage[];
}

export interface IdentityInput {
  platform: Platform;
  scope: string;
  userId: string;
  displayName?: string | null;
  email?: string | null;
  timeZone?: string | null;
  /**
   * True only when the platform vouches for `email` (Slack users:read.email, a web sign-in code).
   * A verified address links this identity to the person who already has it; an unverified one
   * never links anything.
   */
  emailVerified?: boolean;
  /** When the identity was last used (identitiesOf), most recent first. */
  lastSeenAt?: string | null;
}

export type SubmitResult =
  | { ok: true; application: Application; firstSubmission: boolean }
  | { ok: false; reason: 'not_found' | 'already_submitted' | 'withdrawn' };

export type DecideResult =
  | { ok: true; decision: Decision; application: Application }
  | { ok: false; reason: 'already_decided'; existing: Decision }
  | { ok: false; reason: 'not_pending' | 'not_found' };

export interface CatalogPort {
  /** Changes whenever anything the catalogue is read from changes; readers may cache until then. */
  catalogVersion(): Promise<string>;
  listDialogues(): Promise<Dialogue[]>;
  listCalls(): Promise<Call[]>;
  listFaq(): Promise<FaqEntry[]>;
  getSetting<T = unknown>(key: string): Promise<T | null>;
  /** Reviewer channel for a call and platform (call-specific first, then the default). */
  reviewChannel(callId: string, platform: Platform): Promise<string | null>;
  /** The language set for that reviewer channel in the admin panel; null: the deployment's default. */
  reviewChannelLocale(callId: string, platform: Platform): Promise<Locale | null>;
}

export interface PeoplePort {
  /** Finds or creates the person behind a platform identity, refreshing name/email/zone. */
  personFor(identity: IdentityInput): Promise<Person>;
  /** A person's identities, the one used most recently first. */
  identitiesOf(personId: string): Promise<IdentityInput[]>;
  getPerson(personId: string): Promise<Person | null>;
  /** Whether notices go by email too (the person's own choice). */
  setEmailNotices(personId: string, on: boolean, now: string): Promise<void>;
  /** Records the language a person reads and where it came from (domain/i18n/preference.ts decides). */
  setPersonLocale(personId: string, locale: Locale, source: LocaleSource): Promise<void>;
}

export interface ApplicationsPort {
  findForPerson(personId: string, callId: string): Promise<Application | null>;
  listForPerson(personId: string): Promise<Application[]>;
  get(id: string): Promise<Application | null>;
  /** Returns the person's application for the call, creating a draft only if there is none. */
  openDraft(input: { callId: string; personId: string; platform: Platform; now: string }): Promise<Application>;
  saveStep(input: {
    id: string;
    answers: Partial<ApplicationAnswers>;
    currentStep: string | null;
    now: string;
    actorRef: string;
  }): Promise<Application>;
  /**
   * Submits a draft, or resubmits an edited application, with its outbox messages in one atomic
   * write. A second submission of the same draft changes nothing (`already_submitted`).
   */
  submit(input: SubmitInput): Promise<SubmitResult>;
  /** Withdraws an application for good: no more decisions, no resubmission. */
  withdraw(input: {
    id: string;
    now: string;
    actorRef: string;
    messages: (application: Application) => OutboundMessage[];
  }): Promise<Application | null>;
  decide(input: {
    applicationId: string;
    dialogueId: string;
    outcome: DecisionOutcome;
    /** The status the decision leads to (a recommendation under a non-objection body); default from the outcome. */
    status?: DialogueReviewStatus;
    reason: string | null;
    deciderName: string;
    deciderRef: string;
    now: string;
    messages: (application: Application, decision: Decision) => OutboundMessage[];
  }): Promise<DecideResult>;
  /** The applicant's answer to a request for information: back to review, messages atomically. */
  answerInfoRequest(input: {
    id: string;
    text: string;
    now: string;
    actorRef: string;
    messages: (application: Application) => OutboundMessage[];
  }): Promise<Application | null>;
  decisionsFor(applicationId: string): Promise<Decision[]>;
  /** How many dialogue entries of submitted applications wait for a reviewer's decision. */
  countAwaitingDecision(): Promise<number>;
  /** Drafts of a call with no submission yet, for reminders. */
  unfinishedDrafts(callId: string): Promise<Application[]>;
}

export interface ConversationPort {
  getState<T>(key: string): Promise<T | null>;
  setState(key: string, state: unknown, now: string): Promise<void>;
  clearState(key: string): Promise<void>;
  recordUnanswered(input: {
    text: string;
    platform: Platform;
    personId: string | null;
    bestMatchId: string | null;
    now: string;
  }): Promise<void>;
  subscribe(input: { personId: string; dialogueId: string; recipient: Recipient; now: string }): Promise<'created' | 'exists'>;
}

export interface RecordQuestionInput {
  text: string;
  platform: Platform;
  personId: string | null;
  bestMatchId: string | null;
  now: string;
  locale: Locale;
  /** Where the answer goes; null when none can be delivered. */
  replyTo: Recipient | null;
  kind: QuestionKind;
  /** The secretariat's cards: new (`isNew`) or redrawn with one more asker. */
  messages: (group: QuestionGroup, isNew: boolean) => OutboundMessage[];
}

/** A change to a question group read at `version` by someone (`by` is shown on the card). */
export interface QuestionChange {
  rootId: string;
  version: number;
  by: string;
  /** "slack:T1/U1", "teams:<aad id>", "admin:<user id>" */
  ref: string;
  now: string;
  cardUpdates: OutboundMessage[];
  /** Admin-panel changes are audited in the same write. */
  audit?: { actorRef: string; action: string };
}

export interface AnswerQuestionInput extends QuestionChange {
  answer: string;
  /** The open questions of the group answered with it. */
  memberIds: string[];
  /** One per asker; sent only if their person still exists when the answer is written. */
  notices: { personId: string; message: OutboundMessage }[];
  faq: {
    id: string;
    callId: string | null;
    question: string;
    variants: string[];
    answer: string;
    source: string;
    related: string[];
  } | null;
}

export interface QuestionsPort {
  /** Records a question passed to the secretariat, grouped with the same open question. */
  recordQuestion(input: RecordQuestionInput): Promise<QuestionGroup>;
  /** The group of the question with this id (any member's), or null. */
  questionGroup(id: string): Promise<QuestionGroup | null>;
  /** Each is false when the group changed since `version` was read (someone else acted first). */
  answerQuestion(input: AnswerQuestionInput): Promise<boolean>;
  dismissQuestion(input: QuestionChange & { reason: string }): Promise<boolean>;
  assignQuestion(input: QuestionChange): Promise<boolean>;
  /** Secretariat channel for a call (or, with null, the default) and platform. */
  secretariatChannel(callId: string | null, platform: Platform): Promise<string | null>;
}

export interface OutboxPort {
  /** Adds messages not sent before (by dedupe key); returns how many were new. */
  enqueue(messages: OutboundMessage[], now: string): Promise<number>;
  /** The reviewer channels the application's latest review card went to, one per platform. */
  reviewCardRecipients(applicationId: string): Promise<Recipient[]>;
}

/** An open non-objection round an application is in. */
export interface LiveRound {
  id: string;
  dialogueId: string;
  body: ApprovalBody;
  closesAt: string;
  zone: string;
}

export interface ApprovalPort {
  /** Recommended + approved for a dialogue, by gender and regional group, leaving out one application. */
  stageCounts(dialogueId: string, excludeApplicationId: string | null): Promise<StageCounts>;
  /** Open rounds the application is in (one per dialogue at most). */
  liveRoundsFor(applicationId: string): Promise<LiveRound[]>;
}

export interface Store
  extends CatalogPort,
    PeoplePort,
    ApplicationsPort,
    ConversationPort,
    OutboxPort,
    PrivacyPort,
    QuestionsPort,
    ApprovalPort {}
