/**
 * The Teams dialog's web form in Chromium, framed by a stand-in for the Teams client that answers
 * TeamsJS's postMessage calls (initialize, getContext) and records what the page asks of it. The
 * page runs its own TeamsJS, applies the theme Teams sends, shows field errors by the fields, and
 * at the end closes the dialog with dialog.url.submit({reference}). Skips when Chromium is absent.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { createTestApp, type TestApp } from '../support/harness';
import { FIXTURE_STEPS } from '../support/playground-client';
import { activity } from './support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the Teams dialog browser test: no Chromium at ${CHROMIUM}.`);
const SHOTS = 'test-results/screenshots';

// What Teams does for a dialog, reduced to the messages the page's TeamsJS exchanges with it.
const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Teams stand-in</title><link rel="icon" href="data:,">
<style>body{margin:0;background:#ebebeb}iframe{border:0;width:600px;height:900px;background:#fff}</style></head>
<body><iframe id="dialog" title="Apply for a Constructive Dialogue"></iframe><script>
window.hostCalls = [];
window.addEventListener('message', function (e) {
  var m = e.data;
  if (!m || typeof m.func !== 'string') return;
  window.hostCalls.push({ func: m.func, args: m.args });
  var reply = function (args) { e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args: args }, e.origin); };
  if (m.func === 'initialize') reply(['task', 'web', JSON.stringify({ apiVersion: 4, supports: { app: {}, dialog: { url: {} } } }), '2.58.0']);
  else if (m.func === 'getContext') reply([{ theme: 'default', locale: 'en-us', frameContext: 'task', hostClientType: 'web' }]);
});
document.getElementById('dialog').src = new URLSearchParams(location.search).get('src');
</script></body></html>`;

let fake: FakeBotFramework;
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;

describe.skipIf(!hasChromium)('Teams dialog web form in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    fake = await FakeBotFramework.start();
    t = await createTestApp({ env: fake.env({ PUBLIC_URL: 'https://desk.example.org' }) });
    const wrapper = new Hono();
    wrapper.get('/teams-host', (c) => c.html(HOST));
    wrapper.all('*', (c) => t.app.fetch(c.req.raw));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: wrapper.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 640, height: 940 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
    await fake?.stop();
  });

  async function fill(frame: Frame, values: Record<string, string | string[]>): Promise<void> {
    const form = frame.locator('form.step.active');
    for (const [name, value] of Object.entries(values)) {
      const inputs = form.locator(`[name="${name}"]`);
      const first = inputs.first();
      const tag = await first.evaluate((e) => `${e.tagName.toLowerCase()}:${(e as HTMLInputElement).type}`);
      if (tag === 'input:checkbox' && (await first.getAttribute('data-multi'))) {
        for (const v of [value].flat()) await form.locator(`[name="${name}"][value="${v}"]`).check();
      } else if (tag === 'input:checkbox') {
        if (value === 'true') await first.check();
      } else if (tag.startsWith('select')) {
        await first.selectOption([value].flat());
      } else {
        await first.fill(String(value));
      }
    }
  }

  it('is filled in inside the dialog and closes it with the reference', async () => {
    const res = await t.app.request('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.sign()}` },
      body: JSON.stringify(
        activity('invoke_task_fetch', fake, {
          from: { id: '29:1abcUserMri', name: 'Megan Bowen', aadObjectId: '11111111-2222-3333-4444-555555555555' },
        }),
      ),
    });
    const link = new URL(((await res.json()) as { task: { value: { url: string } } }).task.value.url);
    const src = `${base}${link.pathname}${link.search}`;
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${base}/teams-host?src=${encodeURIComponent(src)}`);
    const frame = await (await page.locator('#dialog').elementHandle())!.contentFrame();
    expect(frame).not.toBeNull();
    const f = frame!;
    await f.locator('form.step.active').waitFor();
    expect(await f.locator('form.step.active p.progress').innerText()).toMatch(/^Step 1 of \d+$/);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { hostCalls: { func: string }[] }).hostCalls.map((c) => c.func)))
      .toContain('initialize');

    // Teams switches to the dark theme: the page follows.
    await page.evaluate(() =>
      (document.getElementById('dialog') as HTMLIFrameElement).contentWindow!.postMessage(
        { func: 'themeChange', args: ['dark'] },
        location.origin,
      ),
    );
    await expect.poll(() => f.evaluate(() => document.body.className)).toContain('theme-dark');
    await page.screenshot({ path: join(SHOTS, 'teams-dialog-step1-dark.png') });
    await page.evaluate(() =>
      (document.getElementById('dialog') as HTMLIFrameElement).contentWindow!.postMessage(
        { func: 'themeChange', args: ['default'] },
        location.origin,
      ),
    );

    await fill(f, FIXTURE_STEPS.dialogues as Record<string, string | string[]>);
    await f.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => f.locator('form.step.active p.progress').innerText()).toMatch(/^Step 2 of/);

    // A bad website: the message is by the field, the field is marked and focused, values kept.
    await fill(f, { ...(FIXTURE_STEPS.organisation as Record<string, string>), website: 'not a website' });
    await f.getByRole('button', { name: 'Next' }).click();
    const invalid = f.locator('[aria-invalid=true]');
    await expect.poll(() => invalid.count()).toBe(1);
    expect(await invalid.getAttribute('name')).toBe('website');
    const errorId = await invalid.getAttribute('aria-describedby');
    expect(await f.locator(`#${errorId}`).innerText()).toMatch(/website/i);
    expect(await f.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('website');
    expect(await f.locator('[name="organisationName"]').inputValue()).toBe('Women Against Small Arms Network');
    await page.screenshot({ path: join(SHOTS, 'teams-dialog-field-error.png') });
    await f.locator('[name="website"]').fill('wasan.example.org');
    await f.getByRole('button', { name: 'Next' }).click();

    for (let i = 0; i < 10; i++) {
      await expect.poll(() => f.locator('form.step.active p.progress').innerText()).not.toMatch(/^Step 2 of/);
      const submitLabel = await f.locator('form.step.active button[type=submit]').innerText();
      if (submitLabel !== 'Next') break;
      const heading = await f.locator('form.step.active h3').innerText();
      const names = await f
        .locator('form.step.active [name]')
        .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
      const step = Object.values(FIXTURE_STEPS).find((s) => Object.keys(s).every((k) => names.includes(k))) ?? {};
      await fill(f, step as Record<string, string | string[]>);
      await f.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => f.locator('form.step.active h3').innerText()).not.toBe(heading);
    }
    expect(await f.locator('form.step.active dl').innerText()).toMatch(/Women Against Small Arms Network/);
    await page.screenshot({ path: join(SHOTS, 'teams-dialog-summary.png'), fullPage: true });
    await f.getByRole('button', { name: 'Submit application' }).click();

    await expect.poll(() => f.locator('main').innerText()).toMatch(/CD-2023-0001/);
    const calls = () => page.evaluate(() => (window as unknown as { hostCalls: { func: string; args: unknown[] }[] }).hostCalls);
    await expect
      .poll(async () => (await calls()).find((c) => c.func === 'tasks.completeTask')?.args)
      .toEqual([{ reference: 'CD-2023-0001' }, []]);
    await page.screenshot({ path: join(SHOTS, 'teams-dialog-done.png') });
    expect(await t.deps.db.selectFrom('applications').select(['reference', 'status']).executeTakeFirst()).toEqual({
      reference: 'CD-2023-0001',
      status: 'submitted',
    });
    // TeamsJS tries to refresh its list of Teams origins from Microsoft's CDN; the CSP keeps the
    // page on this server, and TeamsJS falls back to the list it ships with.
    expect(problems.filter((p) => !p.includes('res.cdn.office.net/teams-js/validDomains'))).toEqual([]);
  }, 60_000);
});
