/**
 * Unit-test wiring for the Teams adapter: an in-memory SQLite with the real migrations, a fake
 * Engine that records events and answers from a script, and helpers to post activities.
 */
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { openSqlite, type SqliteHandle } from '../../db/connect-node';
import { migrateToLatest } from '../../db/migrate';
import { manualClock } from '../../domain/clock';
import type { Store } from '../../domain/ports';
import type { Engine } from '../../bot/core/engine-types';
import type { Actor, EngineResult, InboundEvent } from '../../bot/core/types';
import { loadConfig } from '../../server/config';
import { createMemoryMetrics } from '../../server/metrics/memory';
import type { AppRoot } from '../../server/root';
import { teamsAdapter } from '../../server/adapters';
import { silentLogger } from '../../server/log';
import type { TeamsAdapterOptions } from '../../bot/teams';
import type { PlatformAdapter } from '../../bot/core/adapter';
import type { FakeBotFramework } from '../fakes/bot-framework';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/teams/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** A fixture activity pointed at the fake connector (the token's serviceurl must match it). */
export function activity(name: string, fake: FakeBotFramework, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...fixture(name), serviceUrl: fake.serviceUrl, ...patch };
}

export interface FakeEngine extends Engine {
  events: InboundEvent[];
  opened: Actor[];
  /** What handle() answers next (a function sees the event). */
  answer: (event: InboundEvent) => EngineResult | Promise<EngineResult>;
  form: () => EngineResult;
}

export function fakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    events: [],
    opened: [],
    answer: () => ({ replies: [{ kind: 'text', text: 'The deadline is 12 February 2023.' }] }),
    form: () => ({ replies: [{ kind: 'text', text: 'no form' }] }),
    async handle(event) {
      engine.events.push(event);
      return engine.answer(event);
    },
    async home() {
      return [{ kind: 'text', text: 'Welcome' }];
    },
    async openForm(actor) {
      engine.opened.push(actor);
      return engine.form();
    },
    async decide() {
      throw new Error('not used');
    },
    async language() {
      return 'en';
    },
    async answerQuestion() {
      throw new Error('not used');
    },
    async changeQuestion() {
      throw new Error('not used');
    },
    async erasePerson() {
      throw new Error('not used');
    },
  };
  return engine;
}

export interface Rig {
  deps: AppRoot;
  engine: FakeEngine;
  adapter: PlatformAdapter;
  routes: Hono;
  sqlite: SqliteHandle;
  tasks: Promise<unknown>[];
  kicks: number;
  settle(): Promise<void>;
  post(body: unknown, token?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export async function rig(
  fake: FakeBotFramework,
  opts: { env?: Record<string, string>; adapter?: TeamsAdapterOptions } = {},
): Promise<Rig> {
  const sqlite = openSqlite('file::memory:');
  await migrateToLatest(sqlite.db);
  const engine = fakeEngine();
  const tasks: Promise<unknown>[] = [];
  const r = {} as Rig;
  // The real engine starts outbox delivery after each event it handled; so does this one.
  const handle = engine.handle;
  engine.handle = async (event) => {
    try {
      return await handle(event);
    } finally {
      deps.kickOutbox();
    }
  };
  const deps: AppRoot = {
    config: loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://desk.example.test', SLACK_API_URL: '', ...fake.env(), ...opts.env }),
    db: sqlite.db,
    atomic: sqlite.atomic,
    store: {} as Store,
    clock: manualClock(new Date('2023-01-20T09:00:00Z')),
    log: silentLogger,
    engine,
    metrics: createMemoryMetrics(),
    background: (task) => {
      tasks.push(task());
    },
    kickOutbox: () => {
      r.kicks++;
    },
  };
  const adapter = teamsAdapter(deps, { jwksCooldownMs: 0, ...opts.adapter });
  Object.assign(r, {
    deps,
    engine,
    adapter,
    routes: adapter.routes!,
    sqlite,
    tasks,
    kicks: 0,
    async settle() {
      while (tasks.length) await Promise.all(tasks.splice(0));
    },
    async post(body: unknown, token?: string | null) {
      const t = token === undefined ? await fake.sign() : token;
      return adapter.routes!.request('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) },
        body: JSON.stringify(body),
      });
    },
    close: () => sqlite.close(),
  });
  return r;
}
