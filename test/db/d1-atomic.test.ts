import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { d1Atomic, type D1Like, type D1StatementLike } from '../../db/atomic';
import { migrateToLatest } from '../../db/migrate';
import type { Database as Schema } from '../../db/schema';
import { seedIfEmpty } from '../../db/seed';
import { createStore } from '../../db/store';
import type { ApplicationAnswers } from '../../domain/types';

// A stand-in for D1 with its batch semantics (all statements in one transaction, no reads in
// between), so the guarded batches are exercised exactly as compiled and bound for Workers.
type Stmt = D1StatementLike & { sql: string; params: unknown[] };
function fakeD1(raw: Database.Database): D1Like & { batches: number } {
  const stmt = (sql: string, params: unknown[]): Stmt => ({ sql, params, bind: (...v: unknown[]) => stmt(sql, v) });
  const fake = {
    batches: 0,
    prepare: (sql: string) => stmt(sql, []),
    async batch(statements: D1StatementLike[]) {
      fake.batches += 1;
      return raw.transaction(() =>
        (statements as Stmt[]).map((s) => {
          const prepared = raw.prepare(s.sql);
          if (prepared.reader) return { results: prepared.all(...s.params), meta: { changes: 0 } };
          const r = prepared.run(...s.params);
          return { results: [], meta: { changes: r.changes, last_row_id: Number(r.lastInsertRowid) } };
        }),
      )();
    },
  };
  return fake;
}

const NOW = '2023-01-10T09:00:00.000Z';
let raw: Database.Database;
let db: Kysely<Schema>;

beforeEach(async () => {
  raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

describe('d1Atomic', () => {
  it('runs the guarded submission and decision batches through D1.batch', async () => {
    const d1 = fakeD1(raw);
    const atomic = d1Atomic(d1, db);
    expect(
      await seedIfEmpty(
        db,
        {
          dialogues: [
            {
              id: 'firearms',
              name: 'F',
              shortName: 'F',
              date: null,
              format: 'hybrid',
              location: 'V',
              description: '',
              status: 'active',
              callNote: null,
              sortOrder: 1,
            },
          ],
          calls: [
            {
              id: 'c',
              title: 'C',
              referencePrefix: 'CD-2023',
              dialogueIds: ['firearms'],
              opensAt: NOW,
              closesAt: NOW,
              zone: 'Europe/Vienna',
              archived: false,
            },
          ],
          faq: [],
          settings: { a: true },
        },
        NOW,
        atomic,
      ),
    ).toBe(true);
    expect(d1.batches).toBe(1);

    const store = createStore(db, atomic);
    const person = await store.personFor({ platform: 'teams', scope: 'tenant', userId: 'aad-1' });
    const draft = await store.openDraft({ callId: 'c', personId: person.id, platform: 'teams', now: NOW });
    const answers: ApplicationAnswers = {
      dialogueIds: ['firearms'],
      participation: 'in_person',
      organisationName: 'Org',
      stakeholderType: 'academia',
      organisationFocus: 'none',
      country: 'KE',
      website: '',
      areasOfWork: 'x',
      relevance: { firearms: 'y' },
      travelSupport: true,
      travelJustification: 'far',
      consent: true,
      representatives: [{ name: 'A', gender: 'female', email: 'a@x.org', role: 'r', nationality: 'KE' }],
    };
    const messages = () => [
      {
        recipient: { platform: 'teams' as const, kind: 'channel' as const, address: '19:r' },
        purpose: 'review_card' as const,
        dedupeKey: `card:${draft.id}`,
        replies: [],
      },
    ];
    const both = await Promise.all(
      [1, 2].map(() => store.submit({ id: draft.id, answers, regionalGroup: 'African', now: NOW, actorRef: 'teams:aad-1', messages })),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const ok = both.find((r) => r.ok);
    expect(ok?.ok && ok.application.reference).toBe('CD-2023-0001');
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('applications').select('travel_support').executeTakeFirst()).toEqual({ travel_support: 1 });

    const decided = await store.decide({
      applicationId: draft.id,
      dialogueId: 'firearms',
      outcome: 'approve',
      reason: null,
      deciderName: 'R',
      deciderRef: 'teams:r',
      now: NOW,
      messages: () => [],
    });
    expect(decided.ok && decided.application.dialogues[0]?.status).toBe('approved');
  });

  it('rolls the whole batch back when one statement fails', async () => {
    const atomic = d1Atomic(fakeD1(raw));
    await expect(
      atomic.run([
        db.insertInto('settings').values({ key: 'a', value: '1', updated_at: NOW }),
        db.insertInto('call_dialogues').values({ call_id: 'missing', dialogue_id: 'missing' }),
      ]),
    ).rejects.toThrow();
    expect(await db.selectFrom('settings').selectAll().execute()).toEqual([]);
  });
});
