/**
 * The call's vocabulary. Plain data shapes shared by every layer; the database rows, chat
 * payloads and admin forms are translated into these at the edges.
 */
import type { Locale } from './i18n/locales';

/**
 * Where a person talks to the product ("doors"), and where messages go. `web` is the applicant
 * pages (/apply, /my), whose notices go by `email`.
 */
export type Platform = 'slack' | 'teams' | 'playground' | 'web' | 'email';

/** Locales a catalogue text may be translated into; English is the reference text itself. */
export type TranslatedLocale = Exclude<Locale, 'en'>;

/** A dialogue's words in another language. */
export interface DialogueText {
  name: string;
  shortName: string;
  location: string;
  description: string;
  callNote: string | null;
}

export type DialogueFormat = 'hybrid' | 'in_person' | 'online';
export type DialogueStatus = 'announced' | 'active' | 'archived';

export interface Dialogue {
  id: string; // slug, e.g. "firearms"
  name: string; // "Constructive Dialogue on Firearms"
  shortName: string; // "Firearms"
  date: string | null; // ISO calendar date of the meeting, "2023-05-05"
  format: DialogueFormat;
  location: string; // "Vienna, Austria, and online"
  description: string; // what it follows / is about, from the call text
  status: DialogueStatus;
  /** What the call text says about when applications open, for dialogues not yet in a call. */
  callNote: string | null;
  sortOrder: number;
  /**
   * Other names people use for it, in any language: abbreviations ("TA"), short names ("the
   * firearms protocol"), common words ("guns"). Edited in the admin panel; the bot recognises the
   * dialogue by these and by its names in every language.
   */
  aliases?: string[];
  /** Name, place and notes in French and Spanish; English is in the fields above. */
  translations?: Partial<Record<TranslatedLocale, DialogueText>>;
}

/** An application window covering one or more dialogues. */
export interface Call {
  id: string; // slug, e.g. "cd-2023-firearms-ta"
  title: string;
  referencePrefix: string; // "CD-2023" -> references CD-2023-0042
  dialogueIds: string[];
  opensAt: string; // UTC ISO instant
  closesAt: string; // UTC ISO instant; applications are accepted strictly before it
  zone: string; // IANA zone the dates were set in, e.g. "Europe/Vienna"
  archived: boolean;
  /** Who approves what reviewers recommend; absent means the secretariat (reviewers decide). */
  approvalBody?: ApprovalBody;
  /** The title in the other languages; English (`title`) where there is none. */
  translations?: Partial<Record<TranslatedLocale, { title: string }>>;
}

/**
 * Who has the last word on an application a reviewer approved. With a non-objection body the
 * reviewer's approval is a recommendation, sent to that body in a round; with the secretariat
 * the reviewer's approval is final (one stage).
 */
export type ApprovalBody = 'states_parties' | 'extended_bureau' | 'secretariat';

/**
 * What an answer adds from the clock and the catalogue, so that nothing the entry says can go
 * stale: "deadline" the deadline in the asker's zone and Vienna time, or that the call closed;
 * "dialogues" the dialogue dates; "status" the asker's own application; "apply" (how to apply),
 * "later" (apply now or wait), "edit" (edit or withdraw) and "travel-support" (ask for support in
 * the form) what the asker can still do while the call is open, and what instead once it closed.
 */
export type FaqTopic = 'deadline' | 'dialogues' | 'status' | 'apply' | 'later' | 'edit' | 'travel-support';
export const FAQ_TOPICS: readonly FaqTopic[] = ['deadline', 'dialogues', 'status', 'apply', 'later', 'edit', 'travel-support'];

/** An FAQ entry's words in one language. */
export interface FaqText {
  question: string;
  variants: string[];
  answer: string;
}

export interface FaqEntry {
  id: string;
  callId: string | null; // null: applies to every call
  question: string;
  /** Other ways people ask it; indexed with the question. */
  variants: string[];
  answer: string;
  /** The passage of the call (or other document) the answer rests on, quoted. */
  source: string;
  sourceUrl: string | null;
  /**
   * Facts computed at answer time rather than written in the entry (see FaqTopic).
   */
  topic: FaqTopic | null;
  /** FAQ entry ids the secretariat chose as follow-up questions (at most three). */
  related?: string[];
  updatedAt: string;
  /** The entry in French and Spanish; a missing locale is shown to admins as to translate. */
  translations?: Partial<Record<TranslatedLocale, FaqText>>;
}

/** Where a person's language came from, strongest first. */
export type LocaleSource = 'chosen' | 'platform' | 'message';

export interface Person {
  id: string;
  displayName: string | null;
  email: string | null;
  timeZone: string | null;
  /** An address a platform or a sign-in code vouched for; links the person's identities. */
  verifiedEmail?: string | null;
  /** Notices also go by email (always for people who came by the web). */
  emailNotices?: boolean;
  /** The language they read; absent until known (then the default locale). */
  locale?: Locale | null;
  localeSource?: LocaleSource | null;
}

export type StakeholderType = 'ngo_ecosoc' | 'ngo' | 'academia' | 'private_sector' | 'other';
export type Gender = 'female' | 'male' | 'non_binary' | 'prefer_not_to_say';
export type Participation = 'in_person' | 'online';
export type OrganisationFocus = 'none' | 'grassroots' | 'victim_led' | 'victim_focused';

export interface Representative {
  name: string;
  gender: Gender;
  email: string;
  role: string;
  nationality: string; // ISO 3166-1 alpha-2
}

/** A complete, validated application. Drafts hold a Partial of this. */
export interface ApplicationAnswers {
  dialogueIds: string[];
  participation: Participation;
  organisationName: string;
  stakeholderType: StakeholderType;
  organisationFocus: OrganisationFocus;
  country: string; // ISO 3166-1 alpha-2 of the headquarters
  website: string;
  areasOfWork: string;
  relevance: Record<string, string>; // dialogueId -> why this organisation is relevant
  representatives: Representative[];
  travelSupport: boolean;
  travelJustification: string | null;
  consent: true;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn';
/**
 * `recommended`: a reviewer approved it and it waits for the approval body (in a round or not yet);
 * `objected`: a State party objected in a round, so it is back with the secretariat.
 */
export type DialogueReviewStatus = 'pending' | 'recommended' | 'objected' | 'approved' | 'rejected' | 'info_requested' | 'withdrawn';

export interface ApplicationDialogue {
  dialogueId: string;
  status: DialogueReviewStatus;
  /** Increments each time the application comes back to review (edit, answer to a request). */
  round: number;
}

export interface Application {
  id: string;
  callId: string;
  personId: string;
  platform: Platform;
  reference: string | null; // assigned at first submission
  status: ApplicationStatus;
  answers: Partial<ApplicationAnswers>;
  currentStep: string | null;
  dialogues: ApplicationDialogue[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export type DecisionOutcome = 'approve' | 'reject' | 'request_info';

export interface Decision {
  id: string;
  applicationId: string;
  dialogueId: string;
  round: number;
  outcome: DecisionOutcome;
  reason: string | null;
  deciderName: string;
  deciderRef: string; // "slack:T1/U1", "teams:<aad>", "admin:<id>", "playground:reviewer"
  decidedAt: string;
}
