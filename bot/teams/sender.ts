/**
 * The outbox's Teams Sender: finds (or creates) the conversation for a Recipient, posts one
 * activity, and reports where it went so a later review_card_update can PUT over it.
 */
import * as z from 'zod';
import type { TeamsConversations } from '../../domain/channel-ports';
import { DeliveryError, type DeliveryRequest, type DeliveryResult, type Sender } from '../core/sender';
import type { Reply } from '../../domain/messages';
import { ConnectorError, type ConnectorClient } from './client';
import { attachment } from './render/adaptive';
import { textMarkdown } from './render/card';
import { repliesToCard } from './render/replies';

/** Where a delivered activity lives; stored by the outbox as the message's externalRef. */
export const teamsExternalRef = z.object({
  serviceUrl: z.string().min(1),
  conversationId: z.string().min(1),
  activityId: z.string().min(1),
});
export type TeamsExternalRef = z.infer<typeof teamsExternalRef>;

export interface TeamsSenderOptions {
  conversations: TeamsConversations;
  client: ConnectorClient | null;
  appId?: string;
  tenantId?: string;
  defaultServiceUrl: string;
  now: () => string;
}

/**
 * Several replies become one activity: a retry after a half-sent batch would otherwise post the
 * first part twice. Text alone stays a plain message; anything else becomes one card.
 */
export function repliesToActivity(replies: Reply[]): Record<string, unknown> {
  if (replies.every((r) => r.kind === 'text')) {
    const text = replies.map((r) => (r.kind === 'text' ? textMarkdown(r.text, r.sources, r.locale) : '')).join('\n\n');
    return { type: 'message', text, textFormat: 'markdown' };
  }
  return { type: 'message', attachments: [attachment(repliesToCard(replies))] };
}

export function createTeamsSender(opts: TeamsSenderOptions): Sender {
  async function target(request: DeliveryRequest): Promise<{ serviceUrl: string; conversationId: string }> {
    const { recipient } = request;
    if (recipient.kind === 'channel') {
      const known = await opts.conversations.find(recipient.address);
      return { serviceUrl: known?.serviceUrl || opts.defaultServiceUrl, conversationId: recipient.address };
    }
    const personal = await opts.conversations.findPersonal(recipient.address, recipient.scope);
    if (personal) return { serviceUrl: personal.serviceUrl || opts.defaultServiceUrl, conversationId: personal.id };
    // No 1:1 chat seen yet (the person only wrote in a channel): create one. Teams returns the
    // existing chat when there is one, so this is safe to repeat on a retry.
    const tenantId = recipient.scope ?? opts.tenantId;
    if (!tenantId || !opts.appId) throw new DeliveryError('teams_no_tenant_for_user', false);
    const region = await opts.conversations.anyIn(tenantId);
    const serviceUrl = region?.serviceUrl || opts.defaultServiceUrl;
    const botId = region?.botId ?? `28:${opts.appId}`;
    const conversationId = await opts.client!.createPersonalConversation(serviceUrl, { botId, memberId: recipient.address, tenantId });
    await opts.conversations.save(
      {
        id: conversationId,
        tenantId,
        kind: 'personal',
        serviceUrl,
        userId: recipient.address,
        name: null,
        botId,
        userMri: null,
        teamId: null,
      },
      opts.now(),
    );
    return { serviceUrl, conversationId };
  }

  return {
    async deliver(request: DeliveryRequest): Promise<DeliveryResult> {
      if (request.recipient.platform !== 'teams') throw new DeliveryError('teams_wrong_platform', false);
      // Credentials may be added later; keep the message until then.
      if (!opts.client) throw new DeliveryError('teams_not_configured', true, 60_000);
      try {
        const activity = repliesToActivity(request.replies);
        const replaces = teamsExternalRef.safeParse(request.replacesRef);
        if (replaces.success) {
          const ref = replaces.data;
          await opts.client.update(ref.serviceUrl, ref.conversationId, ref.activityId, activity);
          return { externalRef: ref };
        }
        const { serviceUrl, conversationId } = await target(request);
        const activityId = await opts.client.send(serviceUrl, conversationId, activity);
        return {
          externalRef: activityId ? ({ serviceUrl, conversationId, activityId } satisfies TeamsExternalRef) : null,
          externalId: activityId,
        };
      } catch (e) {
        throw toDeliveryError(e);
      }
    },
  };
}

/** Which connector failures are worth retrying (Teams' rate-limit guidance: 429, 412, 502, 504; 5xx; no answer). */
export function toDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (!(e instanceof ConnectorError)) return new DeliveryError(e instanceof Error ? e.message : 'teams_error', true);
  const { status, code, retryAfterMs } = e;
  if (status === 403 && code === 'MessageWritesBlocked') return new DeliveryError(`teams_blocked_${code}`, false);
  const retryable =
    status === 0 || status === 401 || status === 408 || status === 412 || status === 429 || status >= 500 || code === 'token';
  return new DeliveryError(e.message, retryable, retryAfterMs);
}
