/**
 * `npm run chat`: the playground in a terminal. Talks to the same engine, on the same database
 * as `npm start` (DATABASE_URL), as an applicant or, with `--as reviewer`, as a reviewer.
 * Numbers pick buttons; forms are asked field by field; messages the bot sends you on its own
 * (reviewer cards, decisions) are printed as they are delivered.
 *
 *   npm run chat -- --as amina
 *   DIALOGUES_CLOCK=2023-01-20T09:00:00Z npm run chat -- --as reviewer
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { openSqlite } from '../db/connect-node';
import { parseJson, recipientJson, repliesJson } from '../db/json';
import { shiftedClock, systemClock } from '../domain/clock';
import type { CardAction, FormView, PromptView } from '../domain/messages';
import type { EngineResult, InboundEvent } from '../bot/core/types';
import { fieldAnswer, fieldQuestion, renderText } from '../bot/playground/text-render';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/log';
import { nodeAdapters, nodeApps, prepareDatabase } from '../server/node-setup';

if (existsSync('.env')) process.loadEnvFile('.env');
const argAs = process.argv.indexOf('--as');
const as = argAs > 0 ? (process.argv[argAs + 1] ?? 'applicant') : 'applicant';
const config = loadConfig({ ...process.env, PLAYGROUND: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, (l) => process.stderr.write(`${l}\n`));
const clock = config.DIALOGUES_CLOCK ? shiftedClock(new Date(config.DIALOGUES_CLOCK)) : systemClock;
const sqlite = openSqlite(config.DATABASE_URL);
await prepareDatabase({ config, db: sqlite.db, atomic: sqlite.atomic, clock, log });
const built = buildApp({
  config,
  db: sqlite.db,
  atomic: sqlite.atomic,
  clock,
  log,
  background: (t) => void t(),
  adapters: nodeAdapters,
  apps: nodeApps,
});
const { engine } = built.deps;
const actor = {
  platform: 'playground' as const,
  userId: as,
  scope: 'local',
  displayName: as,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};
const conversation = { id: `terminal:${as}`, isDirect: true };
const rl = createInterface({ input: stdin, output: stdout });
let actions: CardAction[] = [];
let seen = new Date().toISOString();

function print(result: EngineResult): { form?: FormView; prompt?: PromptView } {
  const r = renderText(result.replies);
  actions = r.actions;
  if (r.lines.length) console.log(r.lines.join('\n'));
  const form = result.replies.find((x) => x.kind === 'form');
  const prompt = result.replies.find((x) => x.kind === 'prompt');
  return { form: form?.kind === 'form' ? form.form : undefined, prompt: prompt?.kind === 'prompt' ? prompt.prompt : undefined };
}

async function showFeed(): Promise<void> {
  await built.outbox.drain();
  const rows = await sqlite.db
    .selectFrom('outbox')
    .select(['recipient', 'payload', 'purpose', 'delivered_at'])
    .where('platform', '=', 'playground')
    .where('status', '=', 'delivered')
    .where('delivered_at', '>', seen)
    .orderBy('delivered_at')
    .execute();
  for (const row of rows) {
    seen = row.delivered_at ?? seen;
    const to = parseJson(row.recipient, recipientJson, 'recipient');
    if (to.address !== as && !(as === 'reviewer' && to.kind === 'channel')) continue;
    console.log(`\n— delivered to you (${row.purpose.replace(/_/g, ' ')}) —`);
    const r = renderText(parseJson(row.payload, repliesJson, 'payload'), actions.length + 1);
    actions.push(...r.actions);
    console.log(r.lines.join('\n'));
  }
}

async function run(event: InboundEvent): Promise<void> {
  let next = print(await engine.handle(event));
  // Forms and prompts are answered here, field by field, until the engine stops asking.
  while (next.form || next.prompt) {
    if (next.prompt) {
      const text = await rl.question(`${next.prompt.label}\n  > `);
      const res = await engine.handle({
        kind: 'submission',
        actor,
        conversation,
        formId: next.prompt.formId,
        contextId: next.prompt.contextId,
        values: { text },
      });
      if (res.fieldErrors) {
        console.log(`  ! ${Object.values(res.fieldErrors).join(' ')}`);
        continue;
      }
      next = print(res);
      continue;
    }
    const form: FormView = next.form!;
    const values: Record<string, string | string[]> = {};
    for (const f of form.fields) values[f.id] = fieldAnswer(f, await rl.question(fieldQuestion(f)));
    if (form.stepId === 'confirm' && !/^(y|yes|)$/i.test((await rl.question('Submit? (yes/no) > ')).trim())) {
      console.log('Not sent. Your draft is saved: type "apply" to come back to it.');
      return;
    }
    next = print(
      await engine.handle({
        kind: 'submission',
        actor,
        conversation,
        formId: form.formId,
        contextId: form.draftId,
        stepId: form.stepId,
        values,
      }),
    );
  }
}

console.log(`Dialogue Desk — terminal playground, as "${as}". Ask about the call, or type apply, status, help; "quit" to leave.`);
for (;;) {
  await showFeed();
  const line = (await rl.question('\nyou > ')).trim();
  if (line === 'quit' || line === 'exit') break;
  const n = Number(line);
  const action = Number.isInteger(n) && n > 0 ? actions[n - 1] : undefined;
  try {
    if (action) await run({ kind: 'action', actor, conversation, actionId: action.id, ...(action.value ? { value: action.value } : {}) });
    else if (line) await run({ kind: 'message', actor, conversation, text: line });
  } catch (err) {
    console.log(`Something went wrong: ${(err as Error).message}`);
  }
}
rl.close();
await built.outbox.stop();
await sqlite.close();
