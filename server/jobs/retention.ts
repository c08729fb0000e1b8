/**
 * Retention: personal data is kept only as long as needed. Each call keeps it for
 * `retention_months` (12 unless the secretariat sets otherwise) after the day of its last
 * dialogue, in the call's time zone; then its applications keep only their anonymous facts
 * (db/store/erasure.ts). Drafts never submitted are erased 30 days after the call closes: they
 * took no part in the call. A call whose last dialogue has no date yet, or is still to come, is
 * never touched. Every erasure is an audit row with counts, never with what was erased.
 */
import type { Kysely } from 'kysely';
import { retentionPlan, type CallRetention } from '../../db/store/retention-plan';
import { DateTime } from 'luxon';
import type { Atomic } from '../../db/atomic';
import { eraseApplications, erasePerson, type ErasedCounts } from '../../db/store/erasure';
import type { Database } from '../../db/schema';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../log';
import type { Metrics } from '../metrics/types';

export { retentionPlan } from '../../db/store/retention-plan';

export interface RetentionDeps {
  db: Kysely<Database>;
  atomic: Atomic;
  clock: Clock;
  log: Logger;
  metrics?: Metrics;
}

export interface RetentionOutcome {
  callId: string;
  kind: 'applications' | 'drafts';
  counts: ErasedCounts;
  people: number;
}

export async function runRetention(deps: RetentionDeps): Promise<RetentionOutcome[]> {
  const { db, clock } = deps;
  const outcomes: RetentionOutcome[] = [];
  try {
    const now = clock.now();
    const nowIso = now.toISOString();
    for (const plan of await retentionPlan(db)) {
      if (plan.draftsEraseAt <= nowIso) {
        const drafts = await db
          .selectFrom('applications')
          .select(['id', 'person_id'])
          .where('call_id', '=', plan.callId)
          .where('status', '=', 'draft')
          .where('erased_at', 'is', null)
          .execute();
        if (drafts.length) outcomes.push(await erase(deps, plan, 'drafts', drafts, nowIso));
      }
      // The guard the whole job rests on: nothing of a call whose last dialogue is unknown or
      // still to come, whatever the retention period says.
      const lastDialoguePast =
        plan.lastDialogue !== null &&
        DateTime.fromISO(plan.lastDialogue, { zone: 'UTC' }).endOf('day').plus({ days: 1 }) <= DateTime.fromJSDate(now);
      if (!plan.eraseAt || !lastDialoguePast || plan.eraseAt > nowIso) continue;
      const apps = await db
        .selectFrom('applications')
        .select(['id', 'person_id'])
        .where('call_id', '=', plan.callId)
        .where('erased_at', 'is', null)
        .execute();
      if (apps.length) outcomes.push(await erase(deps, plan, 'applications', apps, nowIso));
    }
    deps.metrics?.jobRun('retention', true);
    return outcomes;
  } catch (err) {
    deps.metrics?.jobRun('retention', false);
    throw err;
  }
}

async function erase(
  deps: RetentionDeps,
  plan: CallRetention,
  kind: RetentionOutcome['kind'],
  apps: { id: string; person_id: string }[],
  now: string,
): Promise<RetentionOutcome> {
  const { db, atomic } = deps;
  const counts = await eraseApplications(
    db,
    atomic,
    apps.map((a) => a.id),
    now,
    { pending: 'delete' },
  );
  // People with nothing left but erased applications and no wish to hear of a later call lose
  // their name, email and platform ids too.
  let people = 0;
  for (const personId of [...new Set(apps.map((a) => a.person_id))]) {
    const [open, subscribed, erased] = await Promise.all([
      db.selectFrom('applications').select('id').where('person_id', '=', personId).where('erased_at', 'is', null).executeTakeFirst(),
      db.selectFrom('subscriptions').select('id').where('person_id', '=', personId).where('notified_at', 'is', null).executeTakeFirst(),
      db.selectFrom('people').select('erased_at').where('id', '=', personId).executeTakeFirst(),
    ]);
    if (open || subscribed || erased?.erased_at) continue;
    await erasePerson(db, atomic, personId, now);
    people += 1;
  }
  await db
    .insertInto('audit_log')
    .values({
      id: crypto.randomUUID(),
      at: now,
      actor_ref: 'system:retention',
      action: kind === 'drafts' ? 'retention.drafts_erased' : 'retention.erased',
      entity: 'call',
      entity_id: plan.callId,
      detail: JSON.stringify({
        ...counts,
        people,
        retentionMonths: plan.retentionMonths,
        lastDialogue: plan.lastDialogue,
        due: kind === 'drafts' ? plan.draftsEraseAt : plan.eraseAt,
      }),
    })
    .execute();
  deps.log.info('retention_erased', { callId: plan.callId, kind, applications: counts.applications, people });
  return { callId: plan.callId, kind, counts, people };
}
