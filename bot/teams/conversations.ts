/**
 * Conversation references (proactive messages need the tenant, the serviceUrl and the
 * conversation id: learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages),
 * taken from every verified inbound activity and stored through the TeamsConversations port.
 */
import type { TeamsConversation } from '../../domain/channel-ports';
import { conversationKind, tenantOf } from './parse';
import type { Activity } from './schema';

export type { TeamsConversation };

/**
 * The reference an activity implies. Channel messages arrive on "<channel>;messageid=<root>";
 * the channel itself is what posts go to, so the suffix is dropped.
 */
export function referenceOf(a: Activity): TeamsConversation | null {
  const tenantId = tenantOf(a);
  if (!tenantId) return null;
  const kind = conversationKind(a);
  const id = kind === 'channel' ? (a.channelData?.channel?.id ?? a.conversation.id.split(';')[0] ?? a.conversation.id) : a.conversation.id;
  return {
    id,
    tenantId,
    kind,
    serviceUrl: a.serviceUrl,
    userId: kind === 'personal' ? (a.from.aadObjectId ?? null) : null,
    name: a.channelData?.channel?.name ?? a.conversation.name ?? a.channelData?.team?.name ?? null,
    botId: a.recipient?.id ?? null,
    userMri: kind === 'personal' && a.from.id.startsWith('29:') ? a.from.id : null,
    teamId: a.channelData?.team?.id ?? null,
  };
}
