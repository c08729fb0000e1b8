/**
 * The Slack adapter: one request URL (or Socket Mode), a Sender for the outbox, and the answer
 * to "may this person decide on applications?".
 */
import type { PlatformAdapter } from '../core/adapter';
import type { Actor } from '../core/types';
import type { Recipient } from '../../domain/messages';
import type { AdapterHost } from '../core/host';
import { createSlackClient } from './client';
import { createDirectory } from './directory';
import { createResponder } from './respond';
import { slackRoutes } from './routes';
import { createSlackSender } from './sender';
import { SLACK_WAITS, type AckedEvent, type SlackRuntime, type SlackWaits } from './runtime';
import type { SlackVerifier } from './verify';
import { answerAckedEvent } from './events';
import { createWorkspaceTokens, type SlackInstallationsPort } from './workspaces';
import type { SlackSettings } from './settings';
import { uploadToUser } from './files';
import type { FileDelivery, PersonalFile } from '../../domain/privacy';

export interface SlackAdapterOptions {
  fetch?: typeof fetch;
  /** Real time for signature windows (default Date.now), independent of DIALOGUES_CLOCK. */
  verifyClock?: () => number;
  /** Overrides the host's dedupe; for tests. */
  isNew?: (id: string) => Promise<boolean>;
  /** Goes with `isNew` (default: the host's). */
  forget?: (id: string) => Promise<void>;
  /** Shorter waits for tests (default SLACK_WAITS, set by Slack's 3 s limits). */
  waits?: Partial<SlackWaits>;
  /**
   * Socket Mode, passed in by the Node entry (bot/slack/socket.ts): this module never imports the
   * Node-only socket client, so the Workers bundle does not contain it.
   */
  socket?: (rt: SlackRuntime, deps: AdapterHost, appToken: string) => { start(): Promise<void>; stop(): Promise<void> };
  /** Workspaces installed with "Add to Slack" and their tokens (db/); absent: SLACK_BOT_TOKEN only. */
  installations?: SlackInstallationsPort;
  /** The request signature check (default Web Crypto); see RouteOptions. */
  verify?: SlackVerifier;
  /** Where acknowledged events are answered (default: deps.background here); see RouteOptions. */
  handOff?: (event: AckedEvent) => void;
}

export interface SlackAdapter extends PlatformAdapter {
  /** Answers an event acknowledged by another instance of this adapter (see `handOff`). */
  answerAcked(event: AckedEvent): Promise<void>;
}

/** Creates the Slack adapter. Socket Mode starts with `start()` when an app token is set and `opts.socket` is given. */
export function createSlackAdapter(deps: AdapterHost, settings: SlackSettings, opts: SlackAdapterOptions = {}): SlackAdapter {
  const log = deps.log.child({ platform: 'slack' });
  const fetchOpt = opts.fetch ? { fetch: opts.fetch } : {};
  const clientOf = (token: string) => createSlackClient({ baseUrl: settings.apiUrl, token, ...fetchOpt });
  const client = clientOf(settings.botToken);
  const directory = createDirectory(client, opts.verifyClock);
  const rt: SlackRuntime = {
    deps,
    settings,
    waits: { ...SLACK_WAITS, ...opts.waits },
    client,
    directory,
    log,
    responder: createResponder(client, directory, log),
    isNew: opts.isNew ?? deps.deliveries.isNew,
    forget: opts.forget ?? (opts.isNew ? async () => {} : deps.deliveries.forget),
  };
  const tokens = createWorkspaceTokens({
    botToken: settings.botToken,
    ...(settings.homeTeam ? { homeTeam: settings.homeTeam } : {}),
    ...(opts.installations ? { installations: opts.installations } : {}),
    botTokenTeam: async () => {
      const res = await client.call<{ team_id?: string }>('auth.test', {});
      return typeof res.team_id === 'string' ? res.team_id : null;
    },
  });
  // One runtime per token, kept: each has its own client and directory caches (a person's profile
  // and DM channel belong to their workspace). A handful of workspaces, so no eviction is needed;
  // a reinstalled workspace's new token simply gets a new entry.
  const byToken = new Map<string, SlackRuntime>([[settings.botToken, rt]]);
  function runtimeFor(token: string): SlackRuntime {
    let found = byToken.get(token);
    if (!found) {
      const c = clientOf(token);
      const d = createDirectory(c, opts.verifyClock);
      found = { ...rt, client: c, directory: d, responder: createResponder(c, d, log) };
      byToken.set(token, found);
    }
    return found;
  }
  if (tokens.multi) {
    rt.forTeam = async (teamId, enterpriseId) => {
      const answer = await tokens.tokenFor(teamId, enterpriseId);
      return answer.ok ? runtimeFor(answer.token) : { refused: answer.reason };
    };
    rt.removed = async (teamId, enterpriseId, reason) => {
      await opts.installations?.removed(teamId, enterpriseId, reason);
    };
  }
  /** The runtime of a workspace (none given: the home workspace's), or why there is none. */
  const scopeOf = async (scope: string | undefined) => (rt.forTeam ? rt.forTeam(scope ?? null, null) : rt);
  const home = async () => {
    const found = await scopeOf(undefined);
    return 'refused' in found ? null : found;
  };
  let socket: { stop(): Promise<void> } | null = null;

  /**
   * Per application: a person on SLACK_REVIEWERS or the admin panel's list, or a member of the
   * channel the application's card went to. Never the default channel as such: a card that went
   * to a call's own channel is decided there.
   */
  async function isReviewer(actor: Actor, channels: Recipient[]): Promise<boolean> {
    if (actor.platform !== 'slack') return false;
    const ids = [actor.userId, ...(actor.scope ? [`${actor.scope}/${actor.userId}`] : [])];
    if (ids.some((id) => settings.reviewers.includes(id))) return true;
    if (await deps.reviewerLists.isListed('slack', ids)) return true;
    for (const channel of channels) {
      if (channel.platform !== 'slack') continue;
      try {
        // Review channels are in the home workspace.
        const reviewDirectory = (await home())?.directory;
        if (reviewDirectory && (await reviewDirectory.channelMembers(channel.address)).has(actor.userId)) return true;
      } catch (err) {
        // Unknown membership is "no": deciding is the one thing that must not be granted by accident.
        log.warn('slack.members_failed', { err });
      }
    }
    return false;
  }

  /** The export goes to the person's DM with Slack, never to a channel. */
  async function deliverFile(actor: Actor, file: PersonalFile): Promise<FileDelivery> {
    const token = rt.forTeam ? await tokens.tokenFor(actor.scope ?? null, null) : { ok: true as const, token: settings.botToken };
    if (!token.ok) return { kind: 'unavailable' };
    await uploadToUser(
      runtimeFor(token.token).client,
      { baseUrl: settings.apiUrl, token: token.token, ...fetchOpt },
      actor.userId,
      file,
      file.title,
    );
    return { kind: 'sent' };
  }

  return {
    deliverFile,
    platform: 'slack',
    routes: slackRoutes(rt, {
      ...(opts.verifyClock ? { verifyClock: opts.verifyClock } : {}),
      ...(opts.verify ? { verify: opts.verify } : {}),
      ...(opts.handOff ? { handOff: opts.handOff } : {}),
    }),
    answerAcked: (event) => answerAckedEvent(rt, event),
    sender: createSlackSender(async (scope) => {
      const found = await scopeOf(scope);
      return 'refused' in found ? { refused: found.refused } : found;
    }),
    isReviewer,
    async start() {
      if (!settings.appToken || socket) return;
      if (!opts.socket) {
        log.warn('slack.socket_mode_unavailable', { hint: 'Socket Mode runs on Node only; use the request URL /slack/events' });
        return;
      }
      const conn = opts.socket(rt, deps, settings.appToken);
      await conn.start();
      socket = conn;
    },
    async stop() {
      await socket?.stop();
      socket = null;
    },
  };
}
