import type { Locale } from '../../domain/i18n/locales';
import type { Actor, EngineResult, InboundEvent } from './types';
import type { Reply } from '../../domain/messages';
import type { DecideResult } from '../../domain/ports';
import type { DecisionOutcome } from '../../domain/types';
import type { ErasureSummary } from '../../domain/privacy';
import type { AnswerGroupInput, AnswerGroupResult, ChangeResult } from './questions-flow';

export interface DecideInput {
  applicationId: string;
  dialogueId: string;
  outcome: DecisionOutcome;
  reason: string | null;
  deciderName: string;
  /** "slack:T1/U1", "teams:<aad id>", "admin:<user id>", "playground:<name>" */
  deciderRef: string;
}

/** A question group dismissed (with a reason) or assigned, by whom, and how it is audited. */
export interface ChangeQuestionInput {
  questionId: string;
  change: 'dismiss' | 'assign';
  reason?: string;
  by: string;
  ref: string;
  audit?: { actorRef: string; action: string };
}

/** The conversation engine as the platform adapters and the admin panel see it. */
export interface Engine {
  /** Handles one inbound event and returns what to say back to the same person. */
  handle(event: InboundEvent): Promise<EngineResult>;
  /** What a person sees on their home surface (Slack App Home, Teams personal tab): cards. */
  home(actor: Actor): Promise<Reply[]>;
  /** The first form step (or the step to resume) for the actor, e.g. to open a Slack modal at once. */
  openForm(actor: Actor): Promise<EngineResult>;
  /**
   * The language to write to this person in, recording what the actor's platform locale says
   * (for adapters that learn the locale after answering, e.g. once a Slack modal is open).
   */
  language(actor: Actor): Promise<Locale>;
  /**
   * A reviewer's decision from any surface (chat card or admin panel), checked against the review
   * rules. Every reviewer card of the application is updated and the applicant told, via the outbox.
   * The caller has already checked that the decider may decide.
   */
  decide(input: DecideInput): Promise<DecideResult>;
  /**
   * Erases a person at their request, received by the secretariat: open applications withdrawn
   * (reviewers' cards updated), then their data erased; audited as `auditActor`.
   */
  erasePerson(input: { personId: string; actorRef: string; auditActor: string; via: string }): Promise<ErasureSummary>;
  /**
   * Answers a question passed to the secretariat, from any surface: the first answer wins, each
   * asker is told where they asked, the FAQ grows if asked to, the secretariat cards follow.
   * The caller has already checked that the person may answer.
   */
  answerQuestion(input: AnswerGroupInput): Promise<AnswerGroupResult>;
  /** Dismisses (with a reason) or assigns a question group; the cards follow. */
  changeQuestion(input: ChangeQuestionInput): Promise<ChangeResult>;
}
