import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../admin/export/csv';
import { generateApplications } from '../../scripts/generate-applications';
import { PlaygroundClient, allText } from '../support/playground-client';
import { Visitor, addUser, createAdminTestApp, type AdminTestApp } from './support';

let t: AdminTestApp;
let admin: Visitor;
let reference: string;
let appId: string;

beforeAll(async () => {
  t = await createAdminTestApp();
  // One real application through the engine (so decisions and cards are real), then many synthetic ones.
  const amina = new PlaygroundClient(t.app, 'amina');
  const summary = await amina.fillForm(await amina.say('apply'), {
    organisation: { organisationName: '=HYPERLINK("http://evil") "Network", Nairobi' },
  });
  const done = await amina.submit(summary, {});
  reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
  appId = (await t.deps.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
  await t.settle();
  await generateApplications(t.deps.db, 130, { start: '2023-01-06T08:00:00Z' });
  admin = new Visitor(t.web);
  await admin.signIn();
});
afterAll(async () => {
  await t.close();
});

describe('application list', () => {
  it('pages by keyset through every application once', async () => {
    const seen = new Set<string>();
    let path: string | null = '/admin/applications';
    let pages = 0;
    while (path) {
      const html = await (await admin.get(path)).text();
      for (const m of html.matchAll(/href="\/admin\/applications\/([^"/?]+)"/g)) if (!m[1]!.startsWith('export.')) seen.add(m[1]!);
      path = html.match(/rel="next" href="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(131);
    expect(admin.lastHtml).not.toMatch(/offset/i);
  });

  it('filters by stakeholder type, region, gender, ECOSOC, travel support and dialogue', async () => {
    const db = t.deps.db;
    const count = async (q: string) =>
      Number((await (await admin.get(`/admin/applications?${q}`)).text()).match(/>([\d,]+) matching</)![1]!.replace(/,/g, ''));
    const expected = async (where: (q: any) => any) =>
      Number((await where(db.selectFrom('applications as a').select(db.fn.countAll().as('n'))).executeTakeFirst()).n);
    expect(await count('stakeholder=academia')).toBe(await expected((q) => q.where('stakeholder_type', '=', 'academia')));
    expect(await count('region=African+States')).toBe(await expected((q) => q.where('regional_group', '=', 'African States')));
    expect(await count('ecosoc=yes&travel=yes')).toBe(
      await expected((q) => q.where('stakeholder_type', '=', 'ngo_ecosoc').where('travel_support', '=', 1)),
    );
    expect(await count('gender=non_binary')).toBe(
      await expected((q) =>
        q.where(({ exists, selectFrom }: any) =>
          exists(
            selectFrom('representatives as r')
              .select('r.position')
              .whereRef('r.application_id', '=', 'a.id')
              .where('r.gender', '=', 'non_binary'),
          ),
        ),
      ),
    );
    expect(await count('dialogue=technical-assistance&review=pending')).toBeGreaterThan(0);
    expect(await count('stakeholder=academia')).toBeGreaterThan(0);
  });

  it('searches by reference and by organisation name (contains and prefix)', async () => {
    const byRef = await (await admin.get(`/admin/applications?q=${reference}`)).text();
    expect(byRef).toMatch(/>1 matching</);
    expect(byRef).toContain(`/admin/applications/${appId}`);
    expect(await (await admin.get('/admin/applications?q=evil')).text()).toMatch(/>1 matching</);
    expect(await (await admin.get('/admin/applications?q=evil&match=prefix')).text()).toMatch(/>0 matching</);
    expect(await (await admin.get('/admin/applications?q=100%25')).text()).toMatch(/>0 matching</);
  });
});

describe('exports', () => {
  it('quotes every CSV cell and guards against formulas wherever a cell could start', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    // Excel with ";" as its list separator (de-AT) would start a cell after each ";".
    expect(csvCell('Acme;=1+1;')).toBe(`"Acme;'=1+1;"`);
    expect(csvCell('a,@SUM(A1)')).toBe(`"a,'@SUM(A1)"`);
    expect(csvCell('first line\n-2+3')).toBe(`"first line\n'-2+3"`);
    expect(csvCell('well-known; e-mail')).toBe('"well-known; e-mail"');
  });

  it('streams the filtered list as CSV', async () => {
    const res = await admin.get(`/admin/applications/export.csv?q=${reference}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="applications-\d+\.csv"/);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toMatch(/^"Reference","Application id","Status",/);
    expect(text).toContain(`"${reference}","${appId}","submitted",`);
    // The name starts with "=": quoted, doubled quotes, and the apostrophe guard.
    expect(text).toContain(`"'=HYPERLINK(""http://evil"") ""Network"", Nairobi"`);
    expect(text).toContain('Amina Wanjiru');
    const all = await (await admin.get('/admin/applications/export.csv')).text();
    expect(
      all
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter((l) => /^"CD-2023-\d{4}",/.test(l)),
    ).toHaveLength(131);
    const audit = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'applications.export').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('streams XLSX on Node', async () => {
    const res = await admin.get('/admin/applications/export.xlsx?stakeholder=academia');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect(bytes.length).toBeGreaterThan(3000);
  });
});

describe('detail and decisions', () => {
  it('shows every answer, the history and the messages', async () => {
    const html = await (await admin.get(`/admin/applications/${appId}`)).text();
    expect(html).toContain(`Application ${reference}`);
    expect(html).toContain('Amina Wanjiru');
    expect(html).toContain('We document illicit small arms flows');
    expect(html).toMatch(/submitted/);
    expect(html).toMatch(/review_card/);
  });

  it('decides from the panel through the engine, and shows it in the history', async () => {
    await admin.get(`/admin/applications/${appId}`);
    const bad = await admin.post(`/admin/applications/${appId}/decide`, { dialogue_id: 'firearms', outcome: 'request_info', reason: '' });
    expect(bad.status).toBe(400);
    expect(admin.lastHtml).toMatch(/Say what information is needed/);
    const res = await admin.post(`/admin/applications/${appId}/decide`, {
      dialogue_id: 'firearms',
      outcome: 'approve',
      reason: 'Strong regional work.',
    });
    expect(res.status).toBe(303);
    const html = await (await admin.get(res.headers.get('location')!)).text();
    expect(html).toMatch(/Decision recorded/);
    expect(html).toMatch(/admin:/);
    const decision = await t.deps.db.selectFrom('decisions').selectAll().where('application_id', '=', appId).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ dialogue_id: 'firearms', outcome: 'approve', decider_ref: expect.stringMatching(/^admin:/) });
    // Under the 2023 call an approval is a recommendation to the States parties: the cards are
    // redrawn, the applicant hears nothing until the final outcome.
    expect(
      (
        await t.deps.db
          .selectFrom('application_dialogues')
          .select('status')
          .where('application_id', '=', appId)
          .where('dialogue_id', '=', 'firearms')
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('recommended');
    const notices = await t.deps.db.selectFrom('outbox').select('purpose').where('dedupe_key', 'like', `%${appId}%`).execute();
    expect(notices.map((n) => n.purpose)).toContain('review_card_update');
    expect(notices.map((n) => n.purpose)).not.toContain('decision_notice');
    // A second decision for the same round is refused, with the first one kept.
    const again = await admin.post(`/admin/applications/${appId}/decide`, { dialogue_id: 'firearms', outcome: 'reject', reason: 'x' });
    expect([400, 409]).toContain(again.status);
    expect(await t.deps.db.selectFrom('decisions').select('id').where('application_id', '=', appId).execute()).toHaveLength(1);
  });

  it('lets a reviewer decide but not a secretariat member', async () => {
    await addUser(t, 'sec@example.org', 'secretariat');
    const sec = new Visitor(t.web);
    await sec.signIn('sec@example.org', 'another long password');
    const page = await (await sec.get(`/admin/applications/${appId}`)).text();
    expect(page).not.toMatch(/Record decision/);
    const res = await sec.post(`/admin/applications/${appId}/decide`, { dialogue_id: 'technical-assistance', outcome: 'approve' });
    expect(res.status).toBe(403);
  });
});

describe('balance', () => {
  it('draws accessible SVG charts with the numbers in a table', async () => {
    const html = await (await admin.get('/admin/balance?dialogue=firearms')).text();
    expect(html).toMatch(/<svg[^>]+role="img"/);
    expect(html).toMatch(/<title id="gender-t">Representatives by gender<\/title>/);
    expect(html).toMatch(/Applications by UN regional group/);
    expect(html).toMatch(/Applications by ECOSOC status/);
    expect(html).toMatch(/<th scope="row">Total<\/th>/);
  });
});
