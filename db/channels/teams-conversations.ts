/**
 * Teams conversation references, stored in `conversations` on every verified inbound activity:
 * proactive messages need the tenant, the serviceUrl and the conversation id.
 */
import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { TeamsConversation, TeamsConversations } from '../../domain/channel-ports';
import type { Database } from '../schema';

const refData = z.object({
  botId: z.string().nullish(),
  userMri: z.string().nullish(),
  teamId: z.string().nullish(),
});

export function teamsConversations(db: Kysely<Database>): TeamsConversations {
  return {
    async save(ref, now) {
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
    },

    async find(id) {
      const row = await db.selectFrom('conversations').selectAll().where('platform', '=', 'teams').where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async findPersonal(userId, tenantId) {
      let q = db
        .selectFrom('conversations')
        .selectAll()
        .where('platform', '=', 'teams')
        .where('kind', '=', 'personal')
        .where('user_id', '=', userId);
      if (tenantId) q = q.where('scope', '=', tenantId);
      const row = await q.orderBy('updated_at', 'desc').executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async anyIn(tenantId) {
      const row = await db
        .selectFrom('conversations')
        .selectAll()
        .where('platform', '=', 'teams')
        .where('scope', '=', tenantId)
        .orderBy('updated_at', 'desc')
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
  };
}

function fromRow(row: {
  id: string;
  scope: string;
  kind: string;
  service_url: string | null;
  user_id: string | null;
  name: string | null;
  data: string | null;
}): TeamsConversation {
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
