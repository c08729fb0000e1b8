/**
 * `npm run teams:playground`: the server in the Teams Playground mode (TEAMS_DEV_PLAYGROUND,
 * development, 127.0.0.1) and the Microsoft 365 Agents Playground pointed at it, also on
 * 127.0.0.1 (scripts/loopback-only.mjs). Ctrl-C stops both. See docs/teams.md.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildServer, SERVER_BUNDLE } from './build.mjs';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const loopbackOnly = new URL('./loopback-only.mjs', import.meta.url).href;

await buildServer();
const children = [];
const stop = (code = 0) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const server = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: port, TEAMS_DEV_PLAYGROUND: 'true' },
});
children.push(server);
server.on('exit', (code) => stop(code ?? 1));

// The Playground is started once the server answers, so its first activities are not lost.
const healthz = `http://127.0.0.1:${port}/healthz`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null) process.exit(server.exitCode);
  const ok = await fetch(healthz).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 100) {
    console.error(`The server did not answer on ${healthz}.`);
    stop(1);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}

const playground = spawn(
  process.execPath,
  [
    '--import',
    loopbackOnly,
    cli,
    '--app-endpoint',
    `http://127.0.0.1:${port}/api/messages`,
    '--port',
    playgroundPort,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
  ],
  { stdio: 'inherit', env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' } },
);
children.push(playground);
playground.on('exit', (code) => stop(code ?? 1));
console.log(`Agents Playground: http://127.0.0.1:${playgroundPort} (talking to http://127.0.0.1:${port}/api/messages)`);
