/**
 * Fills a database with synthetic submitted applications, to measure the admin list, filters
 * and exports at scale: `npx tsx scripts/generate-applications.ts 100000` (DATABASE_URL or the
 * default file). The rows look like the engine's: denormalised columns, dialogues, representatives.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Gender, StakeholderType } from '../domain/types';

const TYPES: StakeholderType[] = ['ngo_ecosoc', 'ngo', 'academia', 'private_sector', 'other'];
const GENDERS: Gender[] = ['female', 'male', 'non_binary', 'prefer_not_to_say'];
const COUNTRIES: [string, string][] = [
  ['KE', 'African States'],
  ['NG', 'African States'],
  ['IN', 'Asia-Pacific States'],
  ['PH', 'Asia-Pacific States'],
  ['PL', 'Eastern European States'],
  ['UA', 'Eastern European States'],
  ['BR', 'Latin American and Caribbean States'],
  ['MX', 'Latin American and Caribbean States'],
  ['AT', 'Western European and other States'],
  ['US', 'Western European and other States'],
];
const WORDS = ['Centre', 'Network', 'Institute', 'Foundation', 'Alliance', 'Initiative', 'Society', 'Forum', 'Council', 'Observatory'];
const TOPICS = ['Arms Control', 'Justice', 'Peace', 'Human Rights', 'Migration', 'Security', 'Youth', 'Women', 'Law', 'Policy'];

/** Deterministic pseudo-random numbers, so two runs build the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function generateApplications(
  db: Kysely<Database>,
  count: number,
  opts: { callId?: string; seed?: number; start?: string } = {},
): Promise<number> {
  const callId = opts.callId ?? 'cd-2023-firearms-ta';
  const call = await db
    .selectFrom('calls')
    .select(['reference_prefix', 'last_reference'])
    .where('id', '=', callId)
    .executeTakeFirstOrThrow();
  const random = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const t0 = Date.parse(opts.start ?? '2023-01-05T08:00:00Z');
  const now = new Date().toISOString();
  let ref = call.last_reference;
  const BATCH = 500;
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const people: Insertable<Database['people']>[] = [];
    const apps: Insertable<Database['applications']>[] = [];
    const ads: Insertable<Database['application_dialogues']>[] = [];
    const reps: Insertable<Database['representatives']>[] = [];
    for (let i = 0; i < n; i++) {
      const k = done + i;
      const id = `gen-${String(k).padStart(7, '0')}-${Math.floor(random() * 1e9).toString(36)}`;
      const personId = `gen-person-${k}-${id.slice(-6)}`;
      const [country, group] = pick(COUNTRIES);
      const type = pick(TYPES);
      const name = `${pick(TOPICS)} ${pick(WORDS)} ${k}`;
      const submitted = new Date(t0 + k * 30_000 + Math.floor(random() * 20_000)).toISOString();
      const dialogues = random() < 0.5 ? ['firearms'] : random() < 0.5 ? ['technical-assistance'] : ['firearms', 'technical-assistance'];
      const travel = random() < 0.2;
      const repCount = 1 + Math.floor(random() * 2);
      const representatives = Array.from({ length: repCount }, (_, p) => ({
        name: `Person ${k}-${p}`,
        gender: pick(GENDERS),
        email: `p${k}-${p}@example.org`,
        role: 'Representative',
        nationality: country,
      }));
      ref += 1;
      people.push({
        id: personId,
        display_name: `Applicant ${k}`,
        email: `a${k}@example.org`,
        time_zone: null,
        created_at: now,
        updated_at: now,
      });
      apps.push({
        id,
        call_id: callId,
        person_id: personId,
        organisation_id: null,
        platform: pick(['slack', 'teams']),
        reference: `${call.reference_prefix}-${String(ref).padStart(4, '0')}`,
        status: 'submitted',
        answers: JSON.stringify({
          dialogueIds: dialogues,
          participation: random() < 0.6 ? 'in_person' : 'online',
          organisationName: name,
          stakeholderType: type,
          organisationFocus: 'none',
          country,
          website: `https://org${k}.example.org`,
          areasOfWork: 'Research and advocacy.',
          relevance: Object.fromEntries(dialogues.map((d) => [d, 'Relevant work.'])),
          representatives,
          travelSupport: travel,
          travelJustification: travel ? 'Grassroots organisation without a travel budget.' : null,
          consent: true,
        }),
        current_step: null,
        submit_token: null,
        version: 1,
        organisation_name: name,
        stakeholder_type: type,
        country,
        regional_group: group,
        participation: 'in_person',
        travel_support: travel ? 1 : 0,
        created_at: submitted,
        updated_at: submitted,
        submitted_at: submitted,
        withdrawn_at: null,
      });
      for (const d of dialogues)
        ads.push({
          application_id: id,
          dialogue_id: d,
          status: pick(['pending', 'pending', 'approved', 'rejected']),
          round: 1,
          updated_at: submitted,
        });
      representatives.forEach((r, p) => reps.push({ application_id: id, position: p + 1, ...r }));
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('people').values(people).execute();
      await trx.insertInto('applications').values(apps).execute();
      await trx.insertInto('application_dialogues').values(ads).execute();
      await trx.insertInto('representatives').values(reps).execute();
    });
  }
  await db.updateTable('calls').set({ last_reference: ref }).where('id', '=', callId).execute();
  return count;
}

async function main(): Promise<void> {
  const { openSqlite } = await import('../db/connect-node');
  const { migrateToLatest } = await import('../db/migrate');
  const { seedIfEmpty } = await import('../db/seed');
  const { call2023 } = await import('../db/seed-data/call-2023');
  const count = Number(process.argv[2] ?? 100_000);
  const url = process.env.DATABASE_URL ?? 'file:data/dialogue-desk.sqlite';
  const handle = openSqlite(url);
  await migrateToLatest(handle.db);
  await seedIfEmpty(handle.db, call2023, new Date().toISOString());
  const started = Date.now();
  await generateApplications(handle.db, count, { seed: Number(process.env.SEED ?? 42) });
  console.log(`${count} applications added to ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await handle.close();
}

if (process.argv[1]?.endsWith('generate-applications.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
