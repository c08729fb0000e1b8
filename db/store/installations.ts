/**
 * Installations (db/tables/installations.ts): saving a Slack install, finding the token for a
 * workspace, removing tokens on uninstall or revocation (and failing what was still queued for
 * that workspace), and admitting Teams tenants. The admin panel's list and its disable/enable
 * are in installation-status.ts, the install page's OAuth states in oauth-states.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Atomic } from '../atomic';
import type { Database, InstallationStatus } from '../schema';
import type { TokenCipher } from '../secrets';
import type { SlackInstallation } from '../../domain/channel-ports';

/** One row per workspace, or per org for an org-wide install: the org's id is the key then. */
export function slackInstallationId(teamId: string | null, enterpriseId: string | null, isEnterpriseInstall: boolean): string {
  return `slack:${isEnterpriseInstall && enterpriseId ? enterpriseId : teamId}`;
}

/** An audit row about an installation, to run in the batch of the change it records. */
export function installationAudit(db: Kysely<Database>, actor: string, action: string, entityId: string, detail: unknown, now: string) {
  return db.insertInto('audit_log').values({
    id: crypto.randomUUID(),
    at: now,
    actor_ref: actor,
    action,
    entity: 'installation',
    entity_id: entityId,
    detail: JSON.stringify(detail),
  });
}

/** Saves (or renews, after a reinstall) a workspace's token; a reinstall makes it active again. */
export async function saveSlackInstallation(
  db: Kysely<Database>,
  atomic: Atomic,
  cipher: TokenCipher,
  input: SlackInstallation,
  now: string,
): Promise<string> {
  const id = slackInstallationId(input.teamId, input.enterpriseId, input.isEnterpriseInstall);
  const tokenEnc = await cipher.seal(id, input.token);
  const values = {
    team_name: input.teamName,
    enterprise_id: input.enterpriseId,
    is_enterprise_install: input.isEnterpriseInstall ? 1 : 0,
    bot_user_id: input.botUserId,
    app_id: input.appId,
    scopes: input.scopes,
    token_enc: tokenEnc,
    installed_by: input.installedBy,
    installed_at: now,
    status: 'active' as const,
    status_reason: null,
    updated_at: now,
  };
  await atomic.run([
    db
      .insertInto('installations')
      .values({
        id,
        platform: 'slack',
        team_id: input.isEnterpriseInstall && input.enterpriseId ? input.enterpriseId : input.teamId,
        ...values,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(values)),
    installationAudit(db, `slack:${input.installedBy}`, 'installation.install', id, { team: input.teamName, scopes: input.scopes }, now),
  ]);
  return id;
}

export type TokenLookup =
  | { kind: 'token'; installationId: string; token: string; botUserId: string | null }
  | { kind: 'refused'; installationId: string; status: InstallationStatus }
  | { kind: 'none' };

/**
 * The token for an event or message in workspace `teamId` (of org `enterpriseId`): the
 * workspace's own installation, else an org-wide one. A row that is disabled or uninstalled
 * refuses rather than falls back to anything else.
 */
export async function slackTokenFor(
  db: Kysely<Database>,
  cipher: TokenCipher,
  teamId: string | null,
  enterpriseId: string | null,
): Promise<TokenLookup> {
  const ids = [...(teamId ? [`slack:${teamId}`] : []), ...(enterpriseId ? [`slack:${enterpriseId}`] : [])];
  if (ids.length === 0) return { kind: 'none' };
  const rows = await db
    .selectFrom('installations')
    .select(['id', 'status', 'token_enc', 'bot_user_id', 'is_enterprise_install'])
    .where('id', 'in', ids)
    .execute();
  const row = rows.find((r) => r.id === ids[0]) ?? rows.find((r) => r.is_enterprise_install === 1);
  if (!row) return { kind: 'none' };
  if (row.status !== 'active' || !row.token_enc)
    return { kind: 'refused', installationId: row.id, status: row.status === 'active' ? 'uninstalled' : row.status };
  const token = await cipher.open(row.id, row.token_enc);
  if (!token) return { kind: 'refused', installationId: row.id, status: 'disabled' };
  return { kind: 'token', installationId: row.id, token, botUserId: row.bot_user_id };
}

/** The workspace installed first that is still active: "home" when SLACK_HOME_TEAM is not set. */
export async function firstActiveSlackTeam(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('installations')
    .select('team_id')
    .where('platform', '=', 'slack')
    .where('status', '=', 'active')
    .orderBy('installed_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.team_id ?? null;
}

/**
 * `app_uninstalled` / `tokens_revoked`: the token is gone at Slack, so it goes here too, and
 * whatever was still queued for that workspace fails now with a reason an operator can read,
 * instead of retrying against a dead token until it gives up.
 */
export async function removeSlackTokens(
  db: Kysely<Database>,
  atomic: Atomic,
  teamId: string,
  enterpriseId: string | null,
  reason: 'app_uninstalled' | 'tokens_revoked',
  now: string,
): Promise<number> {
  const ids = [`slack:${teamId}`, ...(enterpriseId ? [`slack:${enterpriseId}`] : [])];
  const scopes = [teamId, ...(enterpriseId ? [enterpriseId] : [])];
  const results = await atomic.run([
    db
      .updateTable('installations')
      .set({ token_enc: null, status: 'uninstalled', status_reason: reason, updated_at: now })
      .where('id', 'in', ids),
    db
      .updateTable('outbox')
      .set({
        status: 'failed',
        last_error: `Slack workspace ${teamId}: ${reason === 'app_uninstalled' ? 'the app was uninstalled' : 'its tokens were revoked'}; not delivered`,
      })
      .where('platform', '=', 'slack')
      .where('status', 'in', ['pending', 'sending'])
      .where(sql<string>`json_extract(recipient, '$.scope')`, 'in', scopes),
    installationAudit(db, `slack:${teamId}`, `installation.${reason}`, `slack:${teamId}`, {}, now),
  ]);
  return Number(results[1]?.numAffectedRows ?? 0);
}

/**
 * Seals every stored token again with the current key where only a previous key opens it (after
 * SLACK_TOKEN_KEY changed). A row changed meanwhile (a reinstall sealed a new token) is left as
 * it is: the update only applies to the value that was read. One audit entry with the count.
 */
export async function resealSlackTokens(db: Kysely<Database>, cipher: TokenCipher, now: string): Promise<number> {
  if (!cipher.rotating) return 0;
  const rows = await db
    .selectFrom('installations')
    .select(['id', 'token_enc'])
    .where('platform', '=', 'slack')
    .where('token_enc', 'is not', null)
    .execute();
  let resealed = 0;
  for (const row of rows) {
    if (row.token_enc === null) continue;
    const sealed = await cipher.reseal(row.id, row.token_enc);
    if (sealed === null) continue;
    const done = await db
      .updateTable('installations')
      .set({ token_enc: sealed })
      .where('id', '=', row.id)
      .where('token_enc', '=', row.token_enc)
      .executeTakeFirst();
    resealed += Number(done.numUpdatedRows);
  }
  if (resealed > 0)
    await installationAudit(db, 'system:token-keys', 'installation.tokens_resealed', '*', { count: resealed }, now).execute();
  return resealed;
}

/**
 * A Teams tenant on the Installations page from its first activity on; false when an
 * administrator disabled it. Read first, so that the usual case is one indexed read.
 */
export async function admitTeamsTenant(db: Kysely<Database>, tenantId: string, now: string): Promise<boolean> {
  const id = `teams:${tenantId}`;
  const row = await db.selectFrom('installations').select('status').where('id', '=', id).executeTakeFirst();
  if (row) return row.status === 'active';
  await db
    .insertInto('installations')
    .values({
      id,
      platform: 'teams',
      team_id: tenantId,
      token_enc: null,
      installed_at: now,
      status: 'active',
      status_reason: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return true;
}

/** The person behind a platform identity, or null; unlike personFor, never creates one. */
export async function personIdOf(db: Kysely<Database>, platform: 'slack' | 'teams', scope: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('identities')
    .select('person_id')
    .where('platform', '=', platform)
    .where('scope', '=', scope)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.person_id ?? null;
}
