/**
 * Finding 6: CSV formula injection where Excel splits on ";" (de-AT). Finding 7: five wrong
 * passwords per 15 minutes from anywhere locked an account's owner out for as long as someone
 * kept sending them.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../admin/export/csv';
import { ADMIN, createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { submitAs } from './support';

let t: AdminTestApp;
afterEach(async () => {
  await t?.close();
});

/** Every way a spreadsheet could cut the file into cells: by "," or ";", rows by line breaks. */
function cellStarts(csv: string): string[] {
  return csv.split(/[,;\r\n]/).map((c) => c.replace(/^"+/, ''));
}

describe('CSV export', () => {
  it('never lets a cell start with a formula, whichever separator the spreadsheet splits on', async () => {
    t = await createAdminTestApp();
    await submitAs(
      t,
      { platform: 'playground', userId: 'mallory', displayName: 'Mallory' },
      {
        organisation: { organisationName: 'Acme;=1+1;', areasOfWork: "Training,@SUM(1+1)*cmd|' /C calc'!A0;-2+3\n+4" },
      },
    );
    const admin = new Visitor(t.app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    const res = await admin.get('/admin/applications/export.csv');
    expect(res.status).toBe(200);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    expect(csv).toContain('Acme;');
    const formulas = cellStarts(csv).filter((c) => /^[=+\-@\t]/.test(c));
    expect(formulas).toEqual([]);
    // Every cell is quoted, the header's included.
    expect(csv.split('\r\n')[0]).toMatch(/^"[^"]*"(,"[^"]*")*$/);
  });
});

describe('a CSV cell, for any text', () => {
  const risky = fc.string({ unit: fc.constantFrom('a', 'é', '中', ' ', ',', ';', '"', '\r', '\n', '\t', '=', '+', '-', '@', '1') });

  it('is one quoted field that reads back as the text, with an apostrophe only before a formula', () => {
    fc.assert(
      fc.property(risky, (text) => {
        const cell = csvCell(text);
        expect(cell).toMatch(/^"[\s\S]*"$/);
        const inner = cell.slice(1, -1);
        // Quotes come in pairs inside the field; undoubled, it is the text with guards added.
        expect(inner.replace(/""/g, '')).not.toContain('"');
        expect(inner.replace(/""/g, '"').replace(/(^|[,;\r\n"])'(?=[=+\-@\t\r])/g, '$1')).toBe(text);
        expect(cellStarts(inner.replace(/""/g, '"')).filter((c) => /^[=+\-@\t]/.test(c))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sign-in throttling', () => {
  const from = (ip: string) => ({ 'cf-connecting-ip': ip });

  it('slows the guesser with growing delays and never locks the owner out', async () => {
    t = await createAdminTestApp();
    const attacker = new Visitor(t.app);
    const owner = new Visitor(t.app);
    const guess = async (i: number) => {
      await attacker.get('/admin/login', from('203.0.113.66'));
      return (await attacker.post('/admin/login', { email: ADMIN.email, password: `guess ${i}` }, { headers: from('203.0.113.66') }))
        .status;
    };
    for (let i = 0; i < 5; i++) expect(await guess(i)).toBe(401);
    expect(await guess(5)).toBe(429);
    expect(attacker.lastHtml).toMatch(/Try again in 1 minute/);

    // The owner, from their own address, signs in at once.
    await owner.get('/admin/login', from('198.51.100.7'));
    expect(
      (await owner.post('/admin/login', { email: ADMIN.email, password: ADMIN.password }, { headers: from('198.51.100.7') })).status,
    ).toBe(303);

    // The guesser gets one try per delay, and each delay is twice the last (1, 2, 4… minutes).
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      t.clock.advance(2 ** round * 60 * 1000 + 1000);
      expect(await guess(10 + round)).toBe(401);
      expect(await guess(20 + round)).toBe(429);
      waits.push(Number(/Try again in (\d+) minute/.exec(attacker.lastHtml)?.[1]));
    }
    expect(waits).toEqual([2, 4, 8, 15]);

    // However long it goes on, the owner is never locked out.
    const again = new Visitor(t.app);
    await again.get('/admin/login', from('198.51.100.7'));
    expect(
      (await again.post('/admin/login', { email: ADMIN.email, password: ADMIN.password }, { headers: from('198.51.100.7') })).status,
    ).toBe(303);
  }, 90_000);
});
