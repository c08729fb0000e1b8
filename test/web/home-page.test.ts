/**
 * The page at the server's root: in the browser's language, linking only to what is switched on,
 * and allowing no script.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe('the home page', () => {
  it('speaks the first language the browser asks for that the product speaks', async () => {
    t = await createTestApp({ env: { PLAYGROUND: 'true' } });
    const fr = await t.app.request('/', { headers: { 'accept-language': 'de-AT,fr;q=0.8,en;q=0.5' } });
    const html = await fr.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<h1>Dialogues constructifs : appel à participation</h1>');
    expect(fr.headers.get('vary')).toMatch(/accept-language/i);
    expect(fr.headers.get('content-security-policy')).toContain("default-src 'none'");

    const es = await (await t.app.request('/', { headers: { 'accept-language': 'es-419' } })).text();
    expect(es).toContain('<html lang="es" dir="ltr">');
    const en = await (await t.app.request('/')).text();
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(links(en)).toEqual(['/apply', '/playground', '/admin', '/healthz', '/privacy']);
  });

  it('does not point at what is switched off', async () => {
    t = await createTestApp({ env: { PLAYGROUND: 'false', WEB_APPLY: 'false' } });
    expect(links(await (await t.app.request('/')).text())).toEqual(['/admin', '/healthz', '/privacy']);
  });
});
