/**
 * The web sign-in's storage: one-time codes (only their hash) and applicant sessions (only the
 * hash of the cookie's token). The rules (limits, expiry, tries) live with the web pages.
 */
import type { Kysely } from 'kysely';
import type { ApplicantSessions, SignInCodes } from '../../domain/channel-ports';
import type { Atomic } from '../atomic';
import type { Database } from '../schema';

export function signInCodes(db: Kysely<Database>): SignInCodes {
  return {
    async insert(row) {
      await db
        .insertInto('sign_in_codes')
        .values({
          id: row.id,
          email: row.email,
          code_hash: row.codeHash,
          client_key: row.clientKey,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
        })
        .execute();
    },
    async countSince(by, value, since) {
      const column = by === 'email' ? 'email' : 'client_key';
      const row = await db
        .selectFrom('sign_in_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(column, '=', value)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async remove(id) {
      await db.deleteFrom('sign_in_codes').where('id', '=', id).execute();
    },
    async countTry(id, maxTries) {
      // The try is counted in the same statement that reads the code, so parallel guesses cannot
      // get past the limit.
      const row = await db
        .updateTable('sign_in_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('attempts', '<', maxTries)
        .returning(['email', 'code_hash', 'attempts', 'expires_at'])
        .executeTakeFirst();
      return row ? { email: row.email, codeHash: row.code_hash, attempts: row.attempts, expiresAt: row.expires_at } : null;
    },
    async exists(id) {
      return Boolean(await db.selectFrom('sign_in_codes').select('id').where('id', '=', id).executeTakeFirst());
    },
    async useUp(id, now) {
      const used = await db
        .updateTable('sign_in_codes')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(used.numUpdatedRows) === 1;
    },
    async emailOf(id) {
      const row = await db.selectFrom('sign_in_codes').select(['email']).where('id', '=', id).executeTakeFirst();
      return row?.email ?? null;
    },
    async mailDelayed(dedupeKey) {
      const row = await db.selectFrom('outbox').select(['status', 'attempts']).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
      return !!row && row.status !== 'delivered' && row.attempts > 0;
    },
  };
}

export function applicantSessions(db: Kysely<Database>, atomic: Atomic): ApplicantSessions {
  return {
    async create(row, { now, replaces }) {
      await atomic.run([
        db.deleteFrom('applicant_sessions').where('expires_at', '<', now),
        ...(replaces ? [db.deleteFrom('applicant_sessions').where('id', '=', replaces)] : []),
        db.insertInto('applicant_sessions').values({
          id: row.id,
          person_id: row.personId,
          email: row.email,
          csrf_token: row.csrf,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
          last_seen_at: row.lastSeenAt,
        }),
      ]);
    },
    async find(id) {
      const row = await db.selectFrom('applicant_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row
        ? {
            id: row.id,
            personId: row.person_id,
            email: row.email,
            csrf: row.csrf_token,
            expiresAt: row.expires_at,
            lastSeenAt: row.last_seen_at,
          }
        : null;
    },
    async slide(id, lastSeenAt, expiresAt) {
      await db.updateTable('applicant_sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async remove(id) {
      await db.deleteFrom('applicant_sessions').where('id', '=', id).execute();
    },
  };
}
