import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import { seedIfEmpty } from '../../db/seed';
import type { SeedData } from '../../db/seed-data/types';
import { createStore } from '../../db/store';

const NOW = '2023-01-05T08:00:00.000Z';

const fixture: SeedData = {
  dialogues: [
    {
      id: 'ta',
      name: 'Constructive Dialogue on Technical Assistance',
      shortName: 'Technical Assistance',
      date: '2023-05-31',
      format: 'hybrid',
      location: 'Vienna',
      description: 'TA',
      status: 'active',
      callNote: null,
      sortOrder: 2,
      aliases: ['TA'],
      translations: {
        es: {
          name: 'Diálogo constructivo sobre asistencia técnica',
          shortName: 'Asistencia técnica',
          location: 'Viena',
          description: 'AT',
          callNote: null,
        },
      },
    },
    {
      id: 'firearms',
      name: 'Constructive Dialogue on Firearms',
      shortName: 'Firearms',
      date: '2023-05-05',
      format: 'hybrid',
      location: 'Vienna',
      description: 'Firearms',
      status: 'active',
      callNote: null,
      sortOrder: 1,
    },
  ],
  calls: [
    {
      id: 'cd-2023',
      title: 'Call 2023',
      referencePrefix: 'CD-2023',
      dialogueIds: ['ta', 'firearms'],
      opensAt: '2023-01-04T23:00:00.000Z',
      closesAt: '2023-02-12T23:00:00.000Z',
      zone: 'Europe/Vienna',
      archived: false,
    },
  ],
  faq: [
    {
      id: 'who',
      callId: null,
      question: 'Who can apply?',
      variants: ['eligibility', 'can we apply'],
      answer: 'NGOs, academia, private sector.',
      source: 'Representatives of relevant non-governmental stakeholders',
      sourceUrl: null,
      topic: null,
      updatedAt: NOW,
      translations: {
        fr: { question: 'Qui peut postuler ?', variants: ['éligibilité'], answer: 'ONG, milieux universitaires, secteur privé.' },
      },
    },
  ],
  settings: { contactEmail: 'unodc-ngounit@un.org', reminders: { daysBefore: [7, 1] } },
};

let dir: string;
let h: SqliteHandle;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dd-seed-'));
  h = openSqlite(`file:${join(dir, 'desk.sqlite')}`);
  await migrateToLatest(h.db);
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedIfEmpty', () => {
  it('seeds an empty database once, and the catalog reads it back', async () => {
    expect(await seedIfEmpty(h.db, fixture, NOW, h.atomic)).toBe(true);
    expect(await seedIfEmpty(h.db, fixture, NOW, h.atomic)).toBe(false);
    const store = createStore(h.db, h.atomic);
    const dialogues = await store.listDialogues();
    expect(dialogues.map((d) => d.id)).toEqual(['firearms', 'ta']);
    expect(dialogues[1]).toMatchObject({ aliases: ['TA'], translations: { es: { shortName: 'Asistencia técnica' } } });
    expect(dialogues[0]).toMatchObject({ aliases: [], translations: {} });
    const [call] = await store.listCalls();
    expect(call).toMatchObject({ id: 'cd-2023', referencePrefix: 'CD-2023', archived: false, zone: 'Europe/Vienna' });
    expect(call?.dialogueIds).toEqual(['firearms', 'ta']);
    expect(await store.listFaq()).toEqual([fixture.faq[0]]);
    expect(await store.getSetting('reminders')).toEqual({ daysBefore: [7, 1] });
    expect(await store.getSetting('missing')).toBeNull();
    const counts = await h.db
      .selectFrom('call_dialogues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(counts?.n)).toBe(2);
  });

  it('uses the SQLite transaction when no Atomic is given, and seeds once under concurrency', async () => {
    const results = await Promise.all([seedIfEmpty(h.db, fixture, NOW), seedIfEmpty(h.db, fixture, NOW)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await h.db.selectFrom('dialogues').select('id').execute()).toHaveLength(2);
  });

  it('leaves nothing behind when the seed is invalid (one atomic write)', async () => {
    const broken: SeedData = { ...fixture, calls: [{ ...fixture.calls[0]!, dialogueIds: ['no-such-dialogue'] }] };
    await expect(seedIfEmpty(h.db, broken, NOW, h.atomic)).rejects.toThrow();
    expect(await h.db.selectFrom('dialogues').select('id').execute()).toHaveLength(0);
    expect(await h.db.selectFrom('settings').select('key').execute()).toHaveLength(0);
  });

  it('seeds the 2023 call data if it is present', async () => {
    const mod = await import('../../db/seed-data/call-2023').catch(() => null);
    if (!mod) return;
    expect(await seedIfEmpty(h.db, mod.call2023, NOW, h.atomic)).toBe(true);
    const store = createStore(h.db, h.atomic);
    expect((await store.listCalls()).length).toBeGreaterThan(0);
    expect((await store.listFaq()).length).toBe(mod.call2023.faq.length);
  });
});
