/**
 * The admin panel in a real browser (Debian's Chromium through playwright-core) against the real
 * Node server on 127.0.0.1 and a random port. Skips, saying why, only when Chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/node';
import { generateApplications } from '../../scripts/generate-applications';
import { PlaygroundClient, allText } from '../support/playground-client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Skipping admin browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

const SHOTS = 'test-results/screenshots';
const ADMIN = { email: 'browser-admin@example.org', password: 'browser test password 1' };

let dir: string;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let base: string;
let reference: string;

async function shot(name: string, p: Page = page): Promise<void> {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)('admin panel in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-browser-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'db.sqlite')}`,
      DIALOGUES_CLOCK: '2023-01-20T09:00:00Z',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PASSWORD_HASH_COST: '10',
    });
    server = await startServer(config, silentLogger);
    base = `http://127.0.0.1:${server.port}`;
    // One application through the engine (real review cards), and more to filter and page through.
    const amina = new PlaygroundClient(server.built.app, 'amina');
    const done = await amina.submit(await amina.fillForm(await amina.say('apply')), {});
    reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
    await generateApplications(server.built.deps.db, 80, { start: '2023-01-06T08:00:00Z' });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong password, then signs in', async () => {
    await page.goto(`${base}/admin`);
    expect(page.url()).toContain('/admin/login');
    await shot('login');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('The email address or password is not right').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Email address').inputValue()).toBe(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);
    expect(await page.getByRole('heading', { name: 'Dashboard' }).count()).toBe(1);
    await shot('dashboard');
  });

  it('creates a dialogue, and the bot answers about it in the playground', async () => {
    await page.goto(`${base}/admin/dialogues/new`);
    await page.getByLabel('Id').fill('cybercrime');
    await page.getByLabel('Full name', { exact: true }).fill('Constructive Dialogue on Cybercrime');
    await page.getByRole('button', { name: 'Save dialogue' }).click();
    // Missing fields: errors by the fields, what was typed is still there.
    await expect.poll(() => page.getByText('There is a problem').count()).toBe(1);
    expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Constructive Dialogue on Cybercrime');
    await shot('dialogue-form-errors');
    await page.getByLabel('Short name', { exact: true }).fill('Cybercrime');
    await page.getByLabel('Date of the dialogue').fill('2023-11-20');
    await page.getByLabel('Format').selectOption('online');
    await page.getByLabel('Location', { exact: true }).fill('Online');
    await page.getByLabel('Description', { exact: true }).fill('On the implementation of the new convention against cybercrime.');
    await page.getByRole('button', { name: 'Save dialogue' }).click();
    await page.waitForURL(/\/admin\/dialogues\?notice=created/);
    expect(await page.getByText('Constructive Dialogue on Cybercrime').count()).toBeGreaterThan(0);
    await shot('dialogues');

    const bot = await context.newPage();
    await bot.goto(`${base}/playground`);
    await bot.locator('#text').fill('When is the cybercrime dialogue?');
    await bot.locator('#text').press('Enter');
    await expect.poll(() => bot.locator('#log').innerText(), { timeout: 10_000 }).toMatch(/Cybercrime: 20 November 2023/);
    await shot('playground-answer', bot);
    await bot.close();
  });

  it('filters applications, exports CSV, and decides', async () => {
    await page.goto(`${base}/admin/applications`);
    await shot('applications');
    await page.getByLabel('Stakeholder type').selectOption('academia');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/stakeholder=academia/);
    const expected = await server.built.deps.db
      .selectFrom('applications')
      .select(server.built.deps.db.fn.countAll<number>().as('n'))
      .where('stakeholder_type', '=', 'academia')
      .executeTakeFirstOrThrow();
    expect(await page.locator('#result-count').innerText()).toBe(`${Number(expected.n)} matching`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(rows[0]).toMatch(/^"Reference",/);
    expect(rows).toHaveLength(Number(expected.n) + 1);
    expect(rows.slice(1).every((r) => r.includes('Academia'))).toBe(true);

    await page.getByLabel('Search').fill(reference);
    await page.getByLabel('Stakeholder type').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/admin\/applications\/[^/?]+$/);
    await page.getByLabel('Dialogue', { exact: true }).selectOption('firearms');
    await page.getByLabel('Decision', { exact: true }).selectOption('approve');
    await page.getByLabel('Reason or question for the applicant').fill('Strong regional work on small arms.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => page.getByText('Decision recorded').count()).toBe(1);
    const decisions = page.locator('section[aria-labelledby="decisions-h"]');
    expect(await decisions.innerText()).toMatch(/Approve[\s\S]*Strong regional work on small arms/);
    expect(await page.locator('section[aria-labelledby="history-h"]').innerText()).toMatch(/decision/);
    await shot('application-detail');
  });

  it('refuses a change without the CSRF token and a cross-site form', async () => {
    await page.goto(`${base}/admin/dialogues`);
    const status = await page.evaluate(async () => {
      const body = new URLSearchParams({
        id: 'forged',
        name: 'Forged',
        short_name: 'F',
        format: 'online',
        location: 'x',
        description: 'x',
        status: 'announced',
        sort_order: '1',
      });
      return (await fetch('/admin/dialogues/new', { method: 'POST', body })).status;
    });
    expect(status).toBe(403);
    // A page on another origin posting to the panel: no session cookie is sent (SameSite=Lax)
    // and the origin is wrong, so nothing happens.
    const evil = await context.newPage();
    await evil.setContent(
      `<form id="f" method="post" action="${base}/admin/dialogues/new"><input name="id" value="forged2"><input name="name" value="Forged"><input name="short_name" value="F"><input name="format" value="online"><input name="location" value="x"><input name="description" value="x"><input name="status" value="announced"><input name="sort_order" value="1"></form>`,
    );
    await Promise.all([evil.waitForNavigation(), evil.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
    expect(evil.url()).not.toMatch(/notice=created/);
    await evil.close();
    const forged = await server.built.deps.db.selectFrom('dialogues').select('id').where('id', 'in', ['forged', 'forged2']).execute();
    expect(forged).toHaveLength(0);
  });

  it('renders the other main pages, also on a phone', async () => {
    for (const [name, path] of [
      ['balance', '/admin/balance'],
      ['calls', '/admin/calls'],
      ['call-edit', '/admin/calls/cd-2023-firearms-ta'],
      ['faq', '/admin/faq'],
      ['channels', '/admin/channels'],
      ['users', '/admin/users'],
      ['audit', '/admin/audit'],
    ] as const) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      await shot(name);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, path] of [
      ['phone-dashboard', '/admin'],
      ['phone-applications', '/admin/applications'],
      ['phone-balance', '/admin/balance'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
      // Nothing hidden in a table that scrolls on its own, and chart labels large enough to read.
      const clipped = await page.evaluate(
        () =>
          [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth - w.clientWidth > 1 && !w.querySelector('table.stack'))
            .length,
      );
      expect(clipped, `${path} has tables cut off on a phone`).toBe(0);
      const smallest = await page.evaluate(() =>
        Math.min(99, ...[...document.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height)),
      );
      expect(smallest, `${path} chart text is too small on a phone`).toBeGreaterThanOrEqual(11);
      await shot(name);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // Keyboard: the first Tab lands on the skip link, which moves focus to the main content.
    await page.goto(`${base}/admin`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
  });
});
