/**
 * What the Slack handlers share, and the shape of their answer: a body to acknowledge with (at
 * once, within Slack's 3 s) and work to do after the acknowledgement. HTTP and Socket Mode both
 * run handlers through this shape.
 */
import type { Actor } from '../core/types';
import type { AdapterHost, Logger } from '../core/host';
import { AppError } from '../../domain/errors';
import type { SlackClient } from './client';
import type { Directory } from './directory';
import type { ReplyTarget, Responder } from './respond';
import type { SlackSettings } from './settings';

/**
 * How long Slack handlers wait for something before going on without it. Slack's own limits set
 * the defaults; tests pass shorter ones so that they do not sit through them.
 */
export interface SlackWaits {
  /** A modal submission answered later than this is closed and answered by DM (Slack gives up at 3 s). */
  submissionBudgetMs: number;
  /** users.info before opening the form, within the trigger's 3 s. */
  profileWaitMs: number;
  /** Pauses before trying work after an ack again while the database is busy. */
  busyRetryMs: number[];
}

export const SLACK_WAITS: SlackWaits = { submissionBudgetMs: 2500, profileWaitMs: 800, busyRetryMs: [1_000, 3_000, 8_000] };

export interface SlackRuntime {
  deps: AdapterHost;
  settings: SlackSettings;
  /** Default SLACK_WAITS. */
  waits?: SlackWaits;
  client: SlackClient;
  directory: Directory;
  responder: Responder;
  log: Logger;
  /** True the first time an id is seen (stored, so it holds across restarts and processes). */
  isNew(id: string): Promise<boolean>;
  /** Takes an id back after its handling failed: the same delivery, retried, is then new again. */
  forget(id: string): Promise<void>;
  /**
   * This runtime with the client of workspace `teamId` (of org `enterpriseId`), or why there is
   * none (not installed, disabled, uninstalled). Absent: one token everywhere (no "Add to Slack").
   */
  forTeam?(
    teamId: string | null | undefined,
    enterpriseId?: string | null,
  ): Promise<SlackRuntime | { refused: 'not_installed' | 'disabled' | 'uninstalled' }>;
  /** `app_uninstalled` / `tokens_revoked` for a workspace: its token goes (no-op with one fixed token). */
  removed?(teamId: string, enterpriseId: string | null, reason: 'app_uninstalled' | 'tokens_revoked'): Promise<void>;
}

/**
 * The runtime for a workspace, or null after logging why it is refused: the handlers' common
 * first step, so that nothing is done for a workspace without an active installation.
 */
export async function scopedTo(
  rt: SlackRuntime,
  teamId: string | null | undefined,
  enterpriseId?: string | null,
): Promise<SlackRuntime | null> {
  if (!rt.forTeam) return rt;
  const scoped = await rt.forTeam(teamId, enterpriseId);
  if ('refused' in scoped) {
    rt.log.warn('slack.workspace_refused', { team: teamId ?? null, enterprise: enterpriseId ?? null, reason: scoped.refused });
    return null;
  }
  return scoped;
}

export interface Outcome {
  /** JSON for the HTTP response or Socket Mode ack payload; none means an empty 200. */
  body?: Record<string, unknown>;
  /** Runs after the acknowledgement (deps.background). */
  later?: () => Promise<void>;
  /**
   * `later` is the answer to an Events API event whose id is already stored: it can be redone
   * from the raw body alone (answerAckedEvent), so it may be handed to another thread.
   */
  acked?: true;
}

/** An acknowledged event as data, for answering it elsewhere: the verified raw body and when it came. */
export interface AckedEvent {
  rawBody: string;
  /** Date.now() when the request arrived, for the answer-time metric. */
  received: number;
}

export const ACK: Outcome = {};

export function baseActor(userId: string, team: string | undefined): Actor {
  return { platform: 'slack', userId, ...(team ? { scope: team } : {}) };
}

/**
 * The actor with name and time zone from users.info, for answers that mention times. A Slack
 * outage here only costs the local time in the answer, so failures are logged and ignored.
 */
export async function actorWithProfile(rt: SlackRuntime, userId: string, team: string | undefined): Promise<Actor> {
  const actor = baseActor(userId, team);
  try {
    return { ...actor, ...(await rt.directory.profile(userId)) };
  } catch (err) {
    rt.log.warn('slack.users_info_failed', { err });
    return actor;
  }
}

/**
 * The actor for opening the application form. The modal must open within Slack's 3 s trigger
 * window, so users.info gets at most `waitMs`; when it answers in time, the person's confirmed
 * address links this Slack identity to the same person on the web or in Teams before a draft is
 * opened (one application per call, whichever door). A slow answer still links, just afterwards.
 */
export async function actorForForm(
  rt: SlackRuntime,
  userId: string,
  team: string | undefined,
  waitMs = (rt.waits ?? SLACK_WAITS).profileWaitMs,
): Promise<Actor> {
  const full = actorWithProfile(rt, userId, team);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const actor = await Promise.race([full, late]);
  clearTimeout(timer);
  if (actor) return actor;
  rt.deps.background(async () => {
    const a = await full;
    if (a.email && a.emailVerified) {
      await rt.deps.store.personFor({ platform: 'slack', scope: a.scope ?? '', userId: a.userId, email: a.email, emailVerified: true });
    }
    // The form opened in the language already known; from the next step on, Slack's locale counts.
    if (a.locale) await rt.deps.engine.language(a);
  });
  return baseActor(userId, team);
}

/**
 * The event is already acknowledged, so Slack will not send it again: when the database is
 * briefly locked, wait and try again here rather than drop what the person asked.
 */
async function retryWhileBusy(task: () => Promise<void>, waits: number[]): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await task();
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'database_busy') || i >= waits.length) throw err;
      await new Promise((r) => setTimeout(r, waits[i]));
    }
  }
}

const SORRY = 'Sorry, something went wrong on our side. Please try again in a few minutes.';

/**
 * Wraps work done after the ack: errors are logged by code, and the person is told in one
 * sentence rather than left waiting (an AppError's own sentence when there is one).
 */
export function afterAck(rt: SlackRuntime, name: string, target: ReplyTarget | null, task: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await retryWhileBusy(task, (rt.waits ?? SLACK_WAITS).busyRetryMs);
    } catch (err) {
      rt.log.error('slack.handler_failed', { handler: name, err, code: err instanceof AppError ? err.code : undefined });
      if (!target) return;
      const text = err instanceof AppError ? err.message : SORRY;
      await rt.responder.deliver([{ kind: 'text', text }], target).catch((e) => rt.log.warn('slack.apology_failed', { err: e }));
    }
  };
}
