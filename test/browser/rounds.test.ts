/**
 * A non-objection round in a real browser (Debian's Chromium through playwright-core) against the
 * real Node server: the administrator creates a State party's focal point and sends a round; the
 * focal point, in another browser profile and time zone, signs in, sees the organisations and
 * the closing time in their own zone, and objects.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/node';
import { PlaygroundClient, allText } from '../support/playground-client';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Skipping round browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

const SHOTS = 'test-results/screenshots';
const ADMIN = { email: 'rounds-admin@example.org', password: 'browser test password 2' };
const FOCAL = { email: 'focal.point@mission.example.gob.mx', password: 'focal point password 1' };

let dir: string;
let server: RunningServer;
let browser: Browser;
let base: string;

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!hasChromium)('a non-objection round in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-rounds-'));
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
    for (const [name, organisationName] of [
      ['amina', 'Women Against Small Arms Network'],
      ['ben', 'Andean Firearms Observatory'],
    ] as const) {
      const who = new PlaygroundClient(server.built.app, name);
      const done = await who.submit(
        await who.fillForm(await who.say('apply'), { dialogues: { dialogueIds: ['firearms'] }, organisation: { organisationName } }),
        {},
      );
      const reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
      const { id } = await server.built.deps.db
        .selectFrom('applications')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      const decided = await server.built.deps.engine.decide({
        applicationId: id,
        dialogueId: 'firearms',
        outcome: 'approve',
        reason: null,
        deciderName: 'Reviewer',
        deciderRef: 'playground:reviewer',
      });
      expect(decided.ok).toBe(true);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
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
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the administrator creates a focal point and sends a round', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Vienna' });
    const page = await context.newPage();
    await signIn(page, ADMIN);
    await page.waitForURL(`${base}/admin`);

    await page.goto(`${base}/admin/users/new`);
    await page.getByLabel('Email address').fill(FOCAL.email);
    await page.getByLabel('Name', { exact: true }).fill('Focal point of Mexico');
    await page.getByLabel('Role').selectOption('state_party');
    await page.getByLabel('State party').selectOption('MX');
    await page.getByLabel('Initial password').fill(FOCAL.password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => page.getByText('(Mexico)').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Approval rounds' }).click();
    await expect.poll(() => page.getByText('Firearms: 2 recommended').count()).toBe(1);
    await page.getByRole('link', { name: 'New round' }).first().click();
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(2);
    expect(await page.getByLabel('Closes (Vienna time)').inputValue()).toBe('2023-02-04T00:00');
    await page.screenshot({ path: join(SHOTS, 'round-new.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send the round' }).click();
    await expect.poll(() => page.getByText('Round sent.').count()).toBe(1);
    await context.close();
  });

  it('the focal point signs in, sees the organisations in their own zone, and objects', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/Mexico_City',
      locale: 'es-MX',
    });
    const page = await context.newPage();
    await signIn(page, FOCAL);
    await page.waitForURL(`${base}/admin/objections`);
    // The page speaks the browser's language and, once the script has told the server the zone,
    // gives the closing time in Mexico City beside Vienna time.
    await expect.poll(() => page.getByRole('heading', { name: 'Rondas de no objeción' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/America\/Mexico_City\), su hora/).count()).toBe(1);
    expect(await page.getByText('Andean Firearms Observatory', { exact: true }).count()).toBe(1);
    expect(await page.content()).not.toMatch(/amina@|Amina Wanjiru/);

    await page.getByLabel('Motivo de la objeción a Andean Firearms Observatory').fill('La organización no está registrada en el país.');
    await page
      .getByRole('row', { name: /Andean Firearms Observatory/ })
      .getByRole('button', { name: 'Objetar' })
      .click();
    await expect.poll(() => page.getByText('Su objeción ha quedado registrada.').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'focal-point-objected.png'), fullPage: true });
    expect(await page.getByRole('button', { name: 'Retirar mi objeción' }).count()).toBe(1);

    const rows = await server.built.deps.db.selectFrom('objections').select(['state_party', 'reason', 'withdrawn_at']).execute();
    expect(rows).toEqual([{ state_party: 'MX', reason: 'La organización no está registrada en el país.', withdrawn_at: null }]);
    await context.close();
  });
});
