/**
 * The outbox's way into Slack: review cards to a channel (and their later updates in place),
 * notices to a user's DM. Returns where the message landed so the card can be updated later.
 */
import * as z from 'zod';
import type { DeliveryRequest, DeliveryResult, Sender } from '../core/sender';
import { DeliveryError } from '../core/sender';
import type { SlackClient } from './client';
import type { Directory } from './directory';
import { renderMessages } from './render';

/** Where a delivered message is: enough for chat.update. */
export const slackRefSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
export type SlackRef = z.infer<typeof slackRefSchema>;

const postedSchema = z.looseObject({ channel: z.string(), ts: z.string() });

/**
 * The client of the recipient's workspace (its `scope`; none: the home workspace, where the review
 * channel is), or why there is none. Without "Add to Slack" it is always the one client.
 */
export type ClientFor = (scope: string | undefined) => Promise<{ client: SlackClient; directory: Directory } | { refused: string }>;

export function createSlackSender(clientFor: ClientFor): Sender {
  return {
    async deliver(req: DeliveryRequest): Promise<DeliveryResult> {
      if (req.recipient.platform !== 'slack') throw new DeliveryError(`not a Slack recipient: ${req.recipient.platform}`, false);
      const messages = renderMessages(req.replies);
      const first = messages[0];
      if (!first) return { externalRef: null };
      const scoped = await clientFor(req.recipient.scope);
      // Permanent: the workspace removed the app or was disabled; retrying cannot help.
      if ('refused' in scoped)
        throw new DeliveryError(`Slack workspace ${req.recipient.scope ?? '(home)'} ${scoped.refused}: not delivered`, false);
      const { client, directory } = scoped;

      const replaces = slackRefSchema.safeParse(req.replacesRef);
      if ((req.purpose === 'review_card_update' || req.purpose === 'question_card_update') && replaces.success) {
        // Only the first message can replace the card; a card never spans two messages.
        await client.call('chat.update', { channel: replaces.data.channel, ts: replaces.data.ts, text: first.text, blocks: first.blocks });
        return { externalRef: replaces.data };
      }

      const channel = req.recipient.kind === 'user' ? await directory.dmChannel(req.recipient.address) : req.recipient.address;
      let ref: SlackRef | null = null;
      for (const m of messages) {
        const thread = req.recipient.kind === 'channel' && req.recipient.thread ? { thread_ts: req.recipient.thread } : {};
        const res = postedSchema.parse(
          await client.call('chat.postMessage', { channel, text: m.text, blocks: m.blocks, unfurl_links: false, ...thread }),
        );
        ref ??= { channel: res.channel, ts: res.ts };
      }
      return { externalRef: ref };
    },
  };
}
