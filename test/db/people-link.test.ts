/**
 * One person, many doors: identities are linked by a verified email only, a person's application
 * is the same from every door, and notices go where the person last was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import { seedIfEmpty } from '../../db/seed';
import { createStore } from '../../db/store';
import { manualClock } from '../../domain/clock';
import type { Store } from '../../domain/ports';
import { personRecipients } from '../../bot/core/context';

const T0 = '2023-01-20T09:00:00.000Z';
let dir: string;
let h: SqliteHandle;
let store: Store;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-people-'));
  h = openSqlite(`file:${join(dir, 'desk.sqlite')}`);
  await migrateToLatest(h.db);
  await seedIfEmpty(
    h.db,
    {
      dialogues: [
        {
          id: 'firearms',
          name: 'Firearms',
          shortName: 'Firearms',
          date: null,
          format: 'hybrid',
          location: 'Vienna',
          description: 'x',
          status: 'active',
          callNote: null,
          sortOrder: 0,
        },
      ],
      calls: [
        {
          id: 'cd-2023',
          title: 'Call',
          referencePrefix: 'CD-2023',
          dialogueIds: ['firearms'],
          opensAt: '2023-01-04T23:00:00.000Z',
          closesAt: '2023-02-12T23:00:00.000Z',
          zone: 'Europe/Vienna',
          archived: false,
        },
      ],
      faq: [],
      settings: {},
    },
    T0,
    h.atomic,
  );
  clock = manualClock(new Date(T0));
  store = createStore(h.db, h.atomic, clock);
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const slack = (email?: string, verified = true) => ({
  platform: 'slack' as const,
  scope: 'T1',
  userId: 'U1',
  ...(email ? { email, emailVerified: verified } : {}),
});
const web = (email: string) => ({ platform: 'web' as const, scope: '', userId: email, email, emailVerified: true });
const draft = (personId: string) => store.openDraft({ callId: 'cd-2023', personId, platform: 'slack', now: T0 });

describe('one person behind several doors', () => {
  it('links a Slack identity and a web sign-in with the same verified address, whichever comes first', async () => {
    const a = await store.personFor(slack('Amina@WASAN.example.org'));
    const app = await draft(a.id);
    const b = await store.personFor(web('amina@wasan.example.org'));
    expect(b.id).toBe(a.id);
    // The same application from both doors.
    expect((await store.findForPerson(b.id, 'cd-2023'))?.id).toBe(app.id);
    expect((await store.identitiesOf(a.id)).map((i) => i.platform).sort()).toEqual(['slack', 'web']);
  });

  it('joins a new Slack identity to the person who applied on the web', async () => {
    const w = await store.personFor(web('ben@uni.example'));
    const app = await draft(w.id);
    const s = await store.personFor(slack('ben@uni.example'));
    expect(s.id).toBe(w.id);
    expect((await store.listForPerson(s.id)).map((x) => x.id)).toEqual([app.id]);
  });

  it('never links through an address the platform did not vouch for', async () => {
    const s = await store.personFor(slack('cara@firm.example', false));
    const w = await store.personFor(web('cara@firm.example'));
    expect(w.id).not.toBe(s.id);
    const typed = await store.personFor({ platform: 'teams', scope: 'tenant', userId: 'aad-1', email: 'cara@firm.example' });
    expect(typed.id).not.toBe(w.id);
  });

  it('links later when the address is confirmed, moving the side that has no application', async () => {
    const s = await store.personFor(slack());
    await draft(s.id);
    const w = await store.personFor(web('dan@ngo.example'));
    expect(w.id).not.toBe(s.id);
    const again = await store.personFor(slack('dan@ngo.example'));
    expect(again.id).toBe(s.id);
    expect((await store.personFor(web('dan@ngo.example'))).id).toBe(s.id);
  });

  it('keeps two people apart when both have applied, rather than merging applications', async () => {
    const s = await store.personFor(slack());
    await draft(s.id);
    const w = await store.personFor(web('eve@ngo.example'));
    await draft(w.id);
    const again = await store.personFor(slack('eve@ngo.example'));
    expect(again.id).toBe(s.id);
    expect((await store.personFor(web('eve@ngo.example'))).id).toBe(w.id);
  });
});

describe('where notices go', () => {
  it('to the door used last; the web door means email; email as well when chosen', async () => {
    const p = await store.personFor(slack('fay@ngo.example'));
    expect(await personRecipients(store, p.id)).toEqual([{ platform: 'slack', kind: 'user', address: 'U1', scope: 'T1' }]);
    clock.advance(5 * 60_000);
    await store.personFor(web('fay@ngo.example'));
    expect(await personRecipients(store, p.id)).toEqual([{ platform: 'email', kind: 'user', address: 'fay@ngo.example' }]);
    clock.advance(5 * 60_000);
    await store.personFor(slack('fay@ngo.example'));
    await store.setEmailNotices(p.id, true, clock.now().toISOString());
    expect(await personRecipients(store, p.id)).toEqual([
      { platform: 'slack', kind: 'user', address: 'U1', scope: 'T1' },
      { platform: 'email', kind: 'user', address: 'fay@ngo.example' },
    ]);
  });
});
