/**
 * The Microsoft 365 Agents Playground (Microsoft's local Teams client) against the real server in
 * the Teams Playground mode, driven in Chromium: the welcome comes once, a question is answered,
 * and Apply brings the first step of the form as a card. Both processes listen on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/node';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the Agents Playground test: no Chromium at ${CHROMIUM}.`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 1000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

let dir: string;
let server: RunningServer;
let playground: ChildProcess;
let playgroundPort: number;
let browser: Browser;

describe.skipIf(!hasChromium)('the Agents Playground in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialogue-desk-playground-'));
    const config = loadConfig({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      TEAMS_DEV_PLAYGROUND: 'true',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `file:${join(dir, 'db.sqlite')}`,
      DIALOGUES_CLOCK: '2023-01-20T09:00:00Z',
    });
    server = await startServer(config, silentLogger);
    playgroundPort = await freePort();
    const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
    playground = spawn(
      process.execPath,
      [
        '--import',
        new URL('../../scripts/loopback-only.mjs', import.meta.url).href,
        cli,
        '--app-endpoint',
        `http://127.0.0.1:${server.port}/api/messages`,
        '--port',
        String(playgroundPort),
        '--channel-id',
        'msteams',
        '--disable-telemetry',
      ],
      { stdio: 'ignore', env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
    );
    for (let i = 0; i < 150 && !(await reachable('127.0.0.1', playgroundPort)); i++) await new Promise((r) => setTimeout(r, 200));
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
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only', async () => {
    expect(await reachable('127.0.0.1', playgroundPort)).toBe(true);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (outside) expect(await reachable(outside.address, playgroundPort)).toBe(false);
  });

  it('welcomes once, answers a question and brings the form as a card', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${playgroundPort}/`);
    await page.getByText('How I can help').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000);
    expect(await page.getByText('How I can help').count()).toBe(1);

    const box = page.locator('textarea, [contenteditable="true"], input[type="text"]').first();
    await box.fill('when is the deadline?');
    await box.press('Enter');
    await page
      .getByText(/It is not possible to apply later/)
      .first()
      .waitFor({ timeout: 20_000 });

    await box.fill('apply');
    await box.press('Enter');
    await page
      .getByText(/Dialogues \(1\/\d\)/)
      .first()
      .waitFor({ timeout: 20_000 });
    const log = await page.locator('body').innerText();
    expect(log).not.toMatch(/User Application (message|invoke) (401|403|500)/);
    await page.close();
  }, 60_000);
});
