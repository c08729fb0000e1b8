/**
 * Conversation references (REFERENCE §9: proactive messages need tenant, serviceUrl and the
 * conversation id), stored in `conversations` on every verified inbound activity.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { conversationKind, tenantOf } from './parse';
import type { Activity } from './schema';

export interface TeamsConversation {
  id: string;
  tenantId: string;
  kind: 'personal' | 'channel' | 'group';
  serviceUrl: string;
  /** For personal chats: the user's AAD object id. */
  userId: string | null;
  name: string | null;
  /** The bot's id (28:…) and, for personal chats, the user's MRI (29:…). */
  botId: string | null;
  userMri: string | null;
  teamId: string | null;
}

const refData = z.object({
  botId: z.string().nullish(),
  userMri: z.string().nullish(),
  teamId: z.string().nullish(),
});

/**
 * The reference an activity implies. Channel messages arrive on "<channel>;messageid=<root>";
 * the channel itself is what posts go to, so the suffix is dropped.
 */
export function referenceOf(a: Activity): TeamsConversation | null {
  const tenantId = tenantOf(a);
  if (!tenantId) return null;
  const kind = conversationKind(a);
  const id = kind === 'channel' ? (a.channelData?.channel?.id ?? a.conversation.id.split(';')[0]!) : a.conversation.id;
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

export async function saveConversation(db: Kysely<Database>, ref: TeamsConversation, now: string): Promise<void> {
  const row = {
    platform: 'teams' as const,
    id: ref.id,
    scope: ref.tenantId,
    kind: ref.kind,
    name: ref.name,
    user_id: ref.userId,
    service_url: ref.serviceUrl,
    data: JSON.stringify({ botId: ref.botId, userMri: ref.userMri, teamId: ref.teamId }),
    updated_at: now,
  };
  await db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['platform', 'id']).doUpdateSet({
        scope: row.scope,
        kind: row.kind,
        // An activity without a name must not erase the one a channel event gave us.
        name: (eb) => eb.fn.coalesce(eb.val(row.name), eb.ref('conversations.name')),
        user_id: (eb) => eb.fn.coalesce(eb.val(row.user_id), eb.ref('conversations.user_id')),
        service_url: row.service_url,
        data: row.data,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findConversation(db: Kysely<Database>, id: string): Promise<TeamsConversation | null> {
  const row = await db.selectFrom('conversations').selectAll().where('platform', '=', 'teams').where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The user's 1:1 chat with the bot in that tenant, most recently seen first. */
export async function findPersonalConversation(db: Kysely<Database>, userId: string, tenantId?: string): Promise<TeamsConversation | null> {
  let q = db.selectFrom('conversations').selectAll()
    .where('platform', '=', 'teams').where('kind', '=', 'personal').where('user_id', '=', userId);
  if (tenantId) q = q.where('scope', '=', tenantId);
  const row = await q.orderBy('updated_at', 'desc').executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Any conversation in the tenant: its serviceUrl is the region to create a new chat in. */
export async function anyConversationIn(db: Kysely<Database>, tenantId: string): Promise<TeamsConversation | null> {
  const row = await db.selectFrom('conversations').selectAll()
    .where('platform', '=', 'teams').where('scope', '=', tenantId)
    .orderBy('updated_at', 'desc').executeTakeFirst();
  return row ? fromRow(row) : null;
}

function fromRow(row: { id: string; scope: string; kind: string; service_url: string | null; user_id: string | null; name: string | null; data: string | null }): TeamsConversation {
  let data: z.infer<typeof refData> = {};
  try {
    const parsed = refData.safeParse(JSON.parse(row.data ?? '{}'));
    if (parsed.success) data = parsed.data;
  } catch {
    // A damaged data column only loses the optional ids; the reference still works.
  }
  return {
    id: row.id,
    tenantId: row.scope,
    kind: row.kind === 'channel' || row.kind === 'group' ? row.kind : 'personal',
    serviceUrl: row.service_url ?? '',
    userId: row.user_id,
    name: row.name,
    botId: data.botId ?? null,
    userMri: data.userMri ?? null,
    teamId: data.teamId ?? null,
  };
}
