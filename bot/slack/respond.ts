/**
 * Says the engine's replies back to the person who acted, in the place they acted: a DM, the
 * thread of a mention, an ephemeral message in a channel, or a modal when a trigger is at hand.
 */
import type { ModalView } from '@slack/types';
import type { Reply } from '../../domain/messages';
import type { Logger } from '../core/host';
import { SlackApiError, type SlackClient } from './client';
import type { Directory } from './directory';
import { renderMessages, replyToBlocks, LIMITS, type Block } from './render';
import { formToModal, promptToModal } from './render-form';

export type ReplyTarget =
  /** A DM with the bot, or a thread (`threadTs`) in a channel. */
  | { kind: 'channel'; channel: string; threadTs?: string }
  /** Only `user` sees it; falls back to a DM where the bot may not post. */
  | { kind: 'ephemeral'; channel: string; user: string }
  /** The user's DM with the bot, opened if needed. */
  | { kind: 'user'; user: string };

export interface ModalTarget {
  /** From the click or command; valid for 3 s and for one views.open. */
  triggerId?: string;
  /** Set when the click came from inside a modal: forms replace that view instead. */
  viewId?: string;
  /** Where a prompt was asked from, so its answer can be acknowledged there. */
  channel?: string;
}

export interface Responder {
  deliver(replies: Reply[], target: ReplyTarget, modal?: ModalTarget): Promise<void>;
  /** Renders replies as an App Home tab for `user`. */
  publishHome(user: string, replies: Reply[]): Promise<void>;
}

/** Errors after which an ephemeral message cannot work but a DM can. */
const EPHEMERAL_FALLBACK = new Set(['channel_not_found', 'not_in_channel', 'user_not_in_channel', 'is_archived', 'restricted_action']);
/** views.open/update failures after which the form is offered as a button instead. */
const MODAL_FALLBACK = new Set([
  'expired_trigger_id',
  'invalid_trigger_id',
  'exchanged_trigger_id',
  'not_found',
  'view_not_found',
  'hash_conflict',
]);

const isModal = (r: Reply): r is Extract<Reply, { kind: 'form' | 'prompt' }> => r.kind === 'form' || r.kind === 'prompt';

/** The modal view for a form or prompt reply. */
export function modalFor(reply: Extract<Reply, { kind: 'form' | 'prompt' }>, channel?: string): ModalView {
  return reply.kind === 'form' ? formToModal(reply.form) : promptToModal(reply.prompt, channel);
}

export function createResponder(client: SlackClient, directory: Directory, log: Logger): Responder {
  async function post(target: ReplyTarget, message: { text: string; blocks: Block[] }): Promise<void> {
    if (target.kind === 'channel') {
      await client.call('chat.postMessage', {
        channel: target.channel,
        ...message,
        unfurl_links: false,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
      return;
    }
    if (target.kind === 'ephemeral') {
      try {
        await client.call('chat.postEphemeral', { channel: target.channel, user: target.user, ...message });
        return;
      } catch (err) {
        if (!(err instanceof SlackApiError && EPHEMERAL_FALLBACK.has(err.code))) throw err;
        log.info('slack.ephemeral_fallback_dm', { code: err.code });
      }
    }
    await client.call('chat.postMessage', { channel: await directory.dmChannel(target.user), ...message, unfurl_links: false });
  }

  /** Opens (or replaces) a modal; false when Slack refused and the reply must go as a message. */
  async function showModal(reply: Extract<Reply, { kind: 'form' | 'prompt' }>, modal: ModalTarget): Promise<boolean> {
    const view = modalFor(reply, modal.channel);
    try {
      if (modal.viewId) await client.call('views.update', { view_id: modal.viewId, view });
      else if (modal.triggerId) await client.call('views.open', { trigger_id: modal.triggerId, view });
      else return false;
      return true;
    } catch (err) {
      if (err instanceof SlackApiError && MODAL_FALLBACK.has(err.code)) {
        log.warn('slack.modal_fallback', { code: err.code });
        return false;
      }
      throw err;
    }
  }

  return {
    async deliver(replies, target, modal = {}) {
      const rest: Reply[] = [];
      let modalShown = false;
      // The trigger expires 3 s after the click, so the modal goes first, before any message.
      for (const reply of replies) {
        if (isModal(reply) && !modalShown && (modal.triggerId || modal.viewId) && (await showModal(reply, modal))) modalShown = true;
        else rest.push(reply);
      }
      for (const message of renderMessages(rest)) await post(target, message);
    },

    async publishHome(user, replies) {
      const blocks: Block[] = [];
      for (const reply of replies) {
        if (blocks.length) blocks.push({ type: 'divider' });
        blocks.push(...replyToBlocks(reply));
      }
      await client.call('views.publish', { user_id: user, view: { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) } });
    },
  };
}
