/**
 * Events API callbacks (DMs, mentions, App Home) and the /dialogues slash command. All are
 * acknowledged at once; the engine runs after the ack.
 */
import {
  appHomeOpenedEventSchema,
  appMentionEventSchema,
  eventCallbackSchema,
  messageEventSchema,
  slashCommandSchema,
  tokensRevokedEventSchema,
  urlVerificationSchema,
  type EventCallback,
  type SlashCommand,
} from './schemas';
import { ACK, actorForForm, actorWithProfile, afterAck, scopedTo, type AckedEvent, type Outcome, type SlackRuntime } from './runtime';
import { inboundJsonOrUndefined } from '../../lib/json';
import type { ReplyTarget } from './respond';
import { classify } from '../core/intents';
import { t } from '../../domain/i18n';

const PERSONAL = new Set(['apply', 'status', 'edit', 'withdraw', 'wantsToApply']);

/** The bot's own user id in this workspace, from the envelope's authorizations. */
function botUserId(env: EventCallback): string | undefined {
  return env.authorizations?.find((a) => a.is_bot)?.user_id;
}

/** Removes the mention that addressed the bot (or, if we do not know its id, leading mentions). */
export function stripMention(text: string, botId?: string): string {
  // The id comes from the payload. Slack ids are short runs of letters and digits; anything else
  // is not our bot's id, and treating it as unknown keeps it out of the pattern.
  const id = botId && /^[A-Za-z0-9]{1,40}$/.test(botId) ? botId : undefined;
  const stripped = id ? text.replaceAll(new RegExp(`<@${id}(\\|[^>]*)?>`, 'g'), ' ') : text.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>)+/, ' ');
  return stripped.replace(/\s+/g, ' ').trim();
}

/** Handles an Events API request body (url_verification or event_callback). */
export async function handleEventBody(rt: SlackRuntime, raw: unknown): Promise<Outcome> {
  const challenge = urlVerificationSchema.safeParse(raw);
  if (challenge.success) return { body: { challenge: challenge.data.challenge } };
  const env = eventCallbackSchema.safeParse(raw);
  if (!env.success) {
    rt.log.warn('slack.event_unparsed', { issues: env.error.issues.length });
    return ACK;
  }
  const enterprise = env.data.enterprise_id ?? null;
  const removal = removalOf(env.data);
  if (removal) {
    // The workspace removed the app or revoked its token: nothing can be sent there any more.
    return {
      later: async () => {
        await rt.removed?.(env.data.team_id, enterprise, removal);
        rt.log.info('slack.workspace_removed', { team: env.data.team_id, reason: removal });
      },
    };
  }
  const task = await workFor(rt, env.data);
  if (!task) return ACK;
  // The event id is stored before the ack: if storage fails, the request fails and Slack
  // redelivers, rather than an acknowledged event being lost. A redelivery is then a no-op.
  if (!(await rt.isNew(`slack:${env.data.event_id}`))) {
    rt.log.info('slack.duplicate_event', { eventId: env.data.event_id });
    return ACK;
  }
  return { later: task, acked: true };
}

/** The work for an event in its workspace, or null (workspace refused, event ignored). No dedupe. */
async function workFor(rt: SlackRuntime, env: EventCallback): Promise<(() => Promise<void>) | null> {
  const scoped = await scopedTo(rt, env.team_id, env.enterprise_id ?? null);
  return scoped ? route(scoped, env) : null;
}

/**
 * Answers an event that was verified, deduplicated and acknowledged elsewhere (on Node, the main
 * thread; this runs in the answer thread): only its raw body travels, and is read again here.
 */
export async function answerAckedEvent(rt: SlackRuntime, event: AckedEvent): Promise<void> {
  const env = eventCallbackSchema.safeParse(inboundJsonOrUndefined(event.rawBody));
  const task = env.success ? await workFor(rt, env.data) : null;
  if (!task) return;
  await task();
  rt.deps.metrics.answered('slack', (Date.now() - event.received) / 1000);
}

/** `app_uninstalled`, or `tokens_revoked` naming the bot's token; null for every other event. */
function removalOf(env: EventCallback): 'app_uninstalled' | 'tokens_revoked' | null {
  if (env.event.type === 'app_uninstalled') return 'app_uninstalled';
  const revoked = tokensRevokedEventSchema.safeParse(env.event);
  return revoked.success && (revoked.data.tokens?.bot?.length ?? 0) > 0 ? 'tokens_revoked' : null;
}

/** The work for one event, or null for events we ignore (our own messages, edits, other tabs). */
function route(rt: SlackRuntime, env: EventCallback): (() => Promise<void>) | null {
  const team = env.team_id;
  const bot = botUserId(env);
  switch (env.event.type) {
    case 'message': {
      const ev = messageEventSchema.safeParse(env.event);
      if (!ev.success) return null;
      const e = ev.data;
      // Subtypes are edits, joins, bot posts and the like; bot_id marks any bot, us included.
      if (e.subtype || e.bot_id || !e.user || e.user === bot) return null;
      if (e.channel_type !== 'im' && !e.channel.startsWith('D')) return null;
      const target: ReplyTarget = { kind: 'channel', channel: e.channel, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) };
      const user = e.user;
      return afterAck(rt, 'message', target, async () => {
        const actor = await actorWithProfile(rt, user, team);
        const result = await rt.deps.engine.handle({
          kind: 'message',
          actor,
          conversation: { id: e.channel, isDirect: true },
          text: e.text,
        });
        await rt.responder.deliver(result.replies, target);
      });
    }
    case 'app_mention': {
      const ev = appMentionEventSchema.safeParse(env.event);
      if (!ev.success) return null;
      const e = ev.data;
      if (e.bot_id || !e.user || e.user === bot) return null;
      const user = e.user;
      const text = stripMention(e.text, bot);
      // Questions are answered in the thread for everyone; anything about the person's own
      // application only to them (ephemeral), never to the channel.
      const target: ReplyTarget = PERSONAL.has(classify(text).kind)
        ? { kind: 'ephemeral', channel: e.channel, user }
        : { kind: 'channel', channel: e.channel, threadTs: e.thread_ts ?? e.ts };
      return afterAck(rt, 'mention', target, async () => {
        const actor = await actorWithProfile(rt, user, team);
        const conversation = { id: e.channel, isDirect: false, thread: e.thread_ts ?? e.ts };
        const result = await rt.deps.engine.handle({ kind: 'message', actor, conversation, text });
        await rt.responder.deliver(result.replies, target);
      });
    }
    case 'app_home_opened': {
      const ev = appHomeOpenedEventSchema.safeParse(env.event);
      if (!ev.success || (ev.data.tab && ev.data.tab !== 'home')) return null;
      const user = ev.data.user;
      return afterAck(rt, 'home', null, async () => {
        const actor = await actorWithProfile(rt, user, team);
        await rt.responder.publishHome(user, await rt.deps.engine.home(actor));
      });
    }
    default:
      return null;
  }
}

/** Handles a slash command (form fields). `/dialogues apply` opens the form; anything else is a message. */
export async function handleCommand(rt: SlackRuntime, fields: Record<string, unknown>): Promise<Outcome> {
  const parsed = slashCommandSchema.safeParse(fields);
  if (!parsed.success) {
    rt.log.warn('slack.command_unparsed', { issues: parsed.error.issues.length });
    return ACK;
  }
  const cmd: SlashCommand = parsed.data;
  const scoped = await scopedTo(rt, cmd.team_id, cmd.enterprise_id);
  // Slack shows a command's response body to the person who typed it, and to nobody else.
  if (!scoped) return { body: { response_type: 'ephemeral', text: t('en', 'install.slack.notActive') } };
  rt = scoped;
  const text = cmd.text.trim();
  const target: ReplyTarget = { kind: 'ephemeral', channel: cmd.channel_id, user: cmd.user_id };
  const once = async () => rt.isNew(`slack:command:${cmd.trigger_id}`);

  if (text.split(/\s+/)[0]?.toLowerCase() === 'apply') {
    return {
      later: afterAck(rt, 'command.apply', target, async () => {
        if (!(await once())) return;
        const result = await rt.deps.engine.openForm(await actorForForm(rt, cmd.user_id, cmd.team_id));
        await rt.responder.deliver(result.replies, target, { triggerId: cmd.trigger_id });
      }),
    };
  }
  return {
    later: afterAck(rt, 'command', target, async () => {
      if (!(await once())) return;
      const actor = await actorWithProfile(rt, cmd.user_id, cmd.team_id);
      const conversation = { id: cmd.channel_id, isDirect: cmd.channel_id.startsWith('D') };
      const result = await rt.deps.engine.handle({ kind: 'message', actor, conversation, text: text || 'help' });
      await rt.responder.deliver(result.replies, target, { triggerId: cmd.trigger_id });
    }),
  };
}
