/**
 * The applicant pages in a real browser (Debian's Chromium through playwright-core) against the
 * real Node server and a real SMTP server: sign in with the emailed code using the keyboard,
 * apply on a phone-sized screen, and axe-core finds no accessibility violation on any page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/node';
import { FIXTURE_STEPS } from '../support/playground-client';
import { startSmtp, type TestSmtp } from '../support/smtp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping applicant browser tests: no Chromium at ${CHROMIUM}.`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'test-results/screenshots';
const EMAIL = 'amina@wasan.example.org';

let dir: string;
let server: RunningServer;
let smtp: TestSmtp;
let context: BrowserContext;
let page: Page;
let base: string;
const checked: string[] = [];

/** axe-core on the page as it is now; every violation is listed with its nodes. */
async function noViolations(name: string): Promise<void> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }
    ).axe.run(),
  );
  const problems = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(problems, `axe on ${name}`).toEqual([]);
  // Nothing wider than the screen: no sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
  checked.push(name);
  await page.screenshot({ path: join(SHOTS, `apply-${name}.png`), fullPage: true });
}

async function fillStep(stepId: string): Promise<void> {
  const values = (FIXTURE_STEPS as Record<string, Record<string, string | string[]>>)[stepId] ?? {};
  for (const [name, value] of Object.entries(values)) {
    const el = page.locator(`[name="${name}"]`).first();
    const tag = await el.evaluate((e) => `${e.tagName}:${(e as HTMLInputElement).type}`);
    if (tag === 'INPUT:checkbox') {
      for (const v of Array.isArray(value) ? value : [value]) await page.locator(`[name="${name}"][value="${v}"]`).check();
    } else if (tag.startsWith('SELECT')) {
      await el.selectOption(value);
    } else {
      await el.fill(Array.isArray(value) ? value[0]! : value);
    }
  }
}

const stepId = () => page.locator('input[name="_step"]').getAttribute('value');

describe.skipIf(!hasChromium)('applicant pages in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-apply-browser-'));
    smtp = await startSmtp();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'db.sqlite')}`,
      DIALOGUES_CLOCK: '2023-01-20T09:00:00Z',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Constructive Dialogues <dialogues@example.org>',
    });
    server = await startServer(config, silentLogger);
    base = `http://127.0.0.1:${server.port}`;
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
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
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the home page, which leads to the applicant pages', async () => {
    await page.goto(`${base}/`);
    await noViolations('home');
    await page.getByRole('link', { name: /Apply or follow your application/ }).click();
    await page.waitForURL(`${base}/apply`);
  });

  it("leads from the home page to the privacy notice, in the browser's language", async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Privacy notice' }).click();
    await page.waitForURL(`${base}/privacy`);
    expect(await page.locator('h1').textContent()).toBe('Privacy notice');
    await noViolations('privacy');
    const french = await context.newPage();
    await french.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9' });
    await french.goto(`${base}/privacy`);
    expect(await french.locator('h1').textContent()).toBe('Avis de confidentialité');
    await french.close();
  });

  it('signs in with the emailed code using only the keyboard', async () => {
    await page.goto(`${base}/apply`);
    await noViolations('sign-in');
    // Skip link first, then the address field; Enter sends the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.locator('#email').focus();
    await page.keyboard.type('not an address');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/apply/sign-in`);
    expect(await page.locator('#email-err').textContent()).toContain('does not look like an email address');
    await noViolations('sign-in-error');

    await page.locator('#email').fill('');
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/apply/code`);
    const [mail] = await smtp.waitFor(1, 10_000);
    const code = /\b(\d{6})\b/.exec(mail!.text ?? '')![1]!;
    await noViolations('code');

    await page.locator('#code').fill(code === '000000' ? '111111' : '000000');
    await page.keyboard.press('Enter');
    expect(await page.locator('#code-err').textContent()).toContain('4 more tries');
    await noViolations('code-error');

    await page.locator('#code').fill(code);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/my`);
    expect(await page.locator('main').textContent()).toContain(`Signed in as ${EMAIL}`);
    await noViolations('my-empty');
  }, 60_000);

  it('applies on a phone-sized screen, each step free of accessibility violations', async () => {
    await page.goto(`${base}/apply`);
    expect(await stepId()).toBe('dialogues');
    // A step sent incomplete comes back with the problems listed and tied to their fields.
    await page.locator('form.step button.primary').click();
    await page.waitForLoadState();
    await noViolations('step-errors');
    for (let i = 0; i < 10; i++) {
      const step = await stepId();
      if (step === 'confirm') break;
      await noViolations(`step-${step}`);
      // Before agreeing, the notice that says how the data is used is one link away.
      if (step === 'consent') expect(await page.locator('form.step a[href="/privacy"]').count()).toBe(1);
      await fillStep(step!);
      await page.locator('form.step button.primary').click();
      await page.waitForLoadState();
    }
    expect(await stepId()).toBe('confirm');
    await noViolations('summary');
    await page.locator('form.step button.primary').click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toMatch(/Application received: CD-2023-0001/);
    await noViolations('received');

    await page.goto(`${base}/my`);
    expect(await page.locator('main').textContent()).toMatch(/Application CD-2023-0001/);
    await noViolations('my-application');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('Withdraw CD-2023-0001?');
    await noViolations('withdraw-confirm');
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.waitForURL(`${base}/my`);

    // A request for information: the answer form on the page.
    const app = await server.built.deps.db.selectFrom('applications').select('id').executeTakeFirstOrThrow();
    await server.built.deps.engine.decide({
      applicationId: app.id,
      dialogueId: 'firearms',
      outcome: 'request_info',
      reason: 'Which countries do you work in?',
      deciderName: 'Reviewer',
      deciderRef: 'admin:r',
    });
    await page.goto(`${base}/my`);
    await page.getByRole('button', { name: 'Answer the reviewers' }).click();
    await page.waitForLoadState();
    await noViolations('answer');
    await page.locator('#prompt-text').fill('Kenya, Uganda and Tanzania.');
    await page.locator('form.step button.primary').click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('back in review');
    await noViolations('answered');
    expect(checked.length).toBeGreaterThanOrEqual(15);
  }, 120_000);
});
