/**
 * The public privacy notice at /privacy: open to anyone, in the browser's language, with each
 * call's erasure dates computed from its retention setting and dialogue dates, naming nobody.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrivacyNotice } from '../../bot/web/notice';
import { collectedData } from '../../domain/privacy-notice';
import { LOCALES, t as translate } from '../../domain/i18n';
import { ADMIN, Visitor, createAdminTestApp } from '../admin/support';
import { CALL_ID, applyAndDecide } from '../ops/burst';
import { createTestApp, type TestApp } from '../support/harness';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const get = async (lang?: string) => {
  const res = await t.app.request('/privacy', lang ? { headers: { 'accept-language': lang } } : {});
  return { res, html: await res.text() };
};
const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
/** The page's text with tags removed and entities decoded, to read sentences as a person does. */
const text = (html: string) =>
  html
    .replace(/<style>[^<]*<\/style>/g, '')
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const callTitle = async () => (await t.deps.store.listCalls()).find((c) => c.id === CALL_ID)!.title;

describe('the privacy notice', () => {
  it('is public, has no script, and allows only its own stylesheet', async () => {
    t = await createTestApp();
    const { res, html } = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1>Privacy notice</h1>');
  });

  it('names the secretariat’s contact and where to get or delete one’s data', async () => {
    t = await createTestApp();
    const { html } = await get();
    expect(links(html)).toEqual(['mailto:unodc-se4u@un.org', '/my', 'mailto:unodc-se4u@un.org']);
    const page = text(html);
    expect(page).toContain('You can write to it at unodc-se4u@un.org.');
    expect(page).toContain('On the web: sign in at /my and use “Your data”.');
    // The statistics kept after erasure are said in the same words as the bot's "my data".
    expect(page).toContain(translate('en', 'privacy.delete.kept'));
    // No Slack or Teams here: the page does not send people to them.
    expect(page).not.toContain('In Slack');
    expect(page).not.toContain('Reviewer channels');

    await t.close();
    t = await createTestApp({ env: { WEB_APPLY: 'false' } });
    expect(links((await get()).html)).toEqual(['mailto:unodc-se4u@un.org', 'mailto:unodc-se4u@un.org']);
  });

  it('lists every kind of data the form and the bot keep, in every language', async () => {
    for (const l of LOCALES) {
      const groups = collectedData(l);
      expect(groups.map((g) => g.kind)).toEqual([
        'representatives',
        'organisation',
        'participation',
        'consent',
        'review',
        'account',
        'messages',
      ]);
      // Five answers per representative, six about the organisation, five about taking part.
      expect(groups.map((g) => g.items.length)).toEqual([5, 6, 5, 1, 2, 2, 4]);
      for (const g of groups) for (const s of [g.title, g.why, ...g.items]) expect(s).not.toMatch(/^notice\.|\{/);
    }
    t = await createTestApp();
    const page = text((await get()).html);
    for (const g of collectedData('en')) for (const item of g.items) expect(page).toContain(item);
    expect(page).toContain('a hash of your network address, to limit sign-in attempts');
  });

  it('dates each call’s erasure from its retention and its last dialogue, and follows a change', async () => {
    const admin = await createAdminTestApp();
    t = admin;
    const call = await callTitle();
    let page = text((await get()).html);
    expect(page).toContain(
      `${call}: personal data in its applications will be erased on 31 May 2024, 12 months after its last dialogue (31 May 2023).`,
    );
    // Closes 12 February 2023 at midnight Vienna time; drafts go 30 days later.
    expect(page).toContain(`Drafts never submitted for ${call}: erased on 15 March 2023.`);
    expect(page).toContain('Drafts never submitted are erased 30 days after the call closes.');

    const v = new Visitor(admin.app);
    await v.signIn(ADMIN.email, ADMIN.password);
    await v.get('/admin/privacy');
    expect((await v.post(`/admin/privacy/retention/${CALL_ID}`, { retention_months: '24' })).status).toBe(303);
    page = text((await get()).html);
    expect(page).toContain(
      `${call}: personal data in its applications will be erased on 31 May 2025, 24 months after its last dialogue (31 May 2023).`,
    );

    // A dialogue moved later moves the erasure with it.
    await t.deps.db.updateTable('dialogues').set({ date: '2023-06-15' }).where('id', '=', 'technical-assistance').execute();
    page = text((await get()).html);
    expect(page).toContain('will be erased on 15 June 2025, 24 months after its last dialogue (15 June 2023).');

    // Once the day has passed, the page says it was done.
    t.clock.set(new Date('2025-07-01T00:00:00Z'));
    page = text((await get()).html);
    expect(page).toContain(`${call}: personal data in its applications was erased on 15 June 2025`);

    // A dialogue with no date yet: no date is promised.
    await t.deps.db.updateTable('dialogues').set({ date: null }).where('id', '=', 'technical-assistance').execute();
    page = text((await get()).html);
    expect(page).toContain(
      `${call}: personal data in its applications will be erased 24 months after its last dialogue, whose date is not set yet.`,
    );
  });

  it('speaks French and Spanish, with dates written their way', async () => {
    t = await createTestApp();
    const call = await callTitle();
    const fr = await get('de-AT,fr;q=0.8,en;q=0.5');
    expect(fr.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.html).toContain('<h1>Avis de confidentialité</h1>');
    expect(text(fr.html)).toContain(
      `${call} : les données personnelles de ses candidatures seront effacées le 31 mai 2024, 12 mois après son dernier dialogue (31 mai 2023).`,
    );
    expect(text(fr.html)).toContain(translate('fr', 'privacy.delete.kept'));

    const es = await get('es-419');
    expect(es.html).toContain('<html lang="es" dir="ltr">');
    expect(text(es.html)).toContain(
      `${call}: los datos personales de sus solicitudes se borrarán el 31 de mayo de 2024, 12 meses después de su último diálogo (31 de mayo de 2023).`,
    );
    expect(text(es.html)).toContain('Borradores nunca presentados');
  });

  it('shows nothing about anyone who applied', async () => {
    t = await createTestApp();
    const now = () => t.clock.now().toISOString();
    await applyAndDecide(t.deps.store, 7, now);
    const { html } = await get();
    for (const personal of [
      'Ana Ruiz 7',
      'ana7@example.org',
      'Ben Okafor 7',
      'applicant7@example.org',
      'Applicant 7',
      'Small Arms Survey 7',
      'CD-2023',
    ]) {
      expect(html).not.toContain(personal);
    }
  });

  it('escapes what the secretariat typed and drops a contact that is not an address', async () => {
    t = await createTestApp();
    await t.deps.db.updateTable('calls').set({ title: '<b>Call</b> "2023"' }).where('id', '=', CALL_ID).execute();
    await t.deps.db
      .updateTable('settings')
      .set({ value: JSON.stringify('"><script>x</script>') })
      .where('key', '=', 'contact_email')
      .execute();
    const { html } = await get();
    expect(html).toContain('&lt;b&gt;Call&lt;/b&gt; &quot;2023&quot;');
    expect(html).not.toContain('<script');
    expect(links(html)).toEqual(['/my']);
    expect(text(html)).toContain('Or ask the bot to talk to a person in the secretariat.');
  });

  it('tells people of Slack and Teams how to ask there, and what their channels see', async () => {
    t = await createTestApp();
    const app = createPrivacyNotice({
      store: t.deps.store,
      clock: t.clock,
      retention: { plan: async () => [], draftDaysAfterClose: 30 },
      surfaces: { slack: true, teams: true, web: false },
    });
    const page = text(await (await app.request('/privacy')).text());
    expect(page).toContain('In Slack: write “my data” to the bot in a direct message, or press “Your data” on the app’s Home tab.');
    expect(page).toContain('In Microsoft Teams: write “my data” to the bot in its personal chat.');
    expect(page).toContain('Never a person’s name, email address, role or nationality.');
    expect(page).toContain('Messages between you and the bot also pass through Slack or Microsoft Teams');
    // The 2023 call's applications are approved by the States parties, who see organisations only.
    expect(page).toContain('The focal points of the States parties, for');
    expect(page).not.toContain('On the web');
  });
});
