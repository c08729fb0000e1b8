/**
 * Shared pieces for the Slack tests: deps around a fake engine, signed requests, fixtures.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import type { AdapterHost } from '../../bot/core/host';
import type { Store } from '../../domain/ports';
import { slackSettings } from '../../server/adapters';
import { createMemoryMetrics } from '../../server/metrics/memory';
import type { Engine } from '../../bot/core/engine-types';
import type { EngineResult, InboundEvent } from '../../bot/core/types';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { manualClock } from '../../domain/clock';
import { computeSignature } from '../../bot/slack/verify';
import { createSocketConnection } from '../../bot/slack/socket';
import { createSlackAdapter } from '../../bot/slack';
import type { SlackWaits } from '../../bot/slack/runtime';
import type { FakeSlackApi } from '../fakes/slack-api';

export const SECRET = 'test-signing-secret-0123456789';
/** Real now for signatures; the product clock below is deliberately in 2023. */
export const REAL_NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8')) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8');
}

export type EngineStub = Engine & {
  events: InboundEvent[];
  handle: ReturnType<typeof vi.fn<(e: InboundEvent) => Promise<EngineResult>>>;
};

/** An engine that records events and answers with `respond` (default: echo the text). */
export function fakeEngine(respond?: (e: InboundEvent) => EngineResult | Promise<EngineResult>): EngineStub {
  const events: InboundEvent[] = [];
  const engine = {
    events,
    handle: vi.fn(async (e: InboundEvent) => {
      events.push(e);
      if (respond) return respond(e);
      return { replies: [{ kind: 'text', text: e.kind === 'message' ? `You said: ${e.text}` : `Got ${e.kind}` }] } as EngineResult;
    }),
    home: vi.fn(async () => [{ kind: 'card', card: { title: 'Constructive Dialogues', actions: [{ id: 'apply', label: 'Apply' }] } }]),
    openForm: vi.fn(async () => ({ replies: [{ kind: 'form', form: formStep(1) }] }) as EngineResult),
    language: vi.fn(async () => 'en' as const),
    decide: vi.fn(),
  };
  return engine as unknown as EngineStub;
}

export function formStep(n: number) {
  return {
    formId: 'application',
    draftId: 'draft-1',
    stepId: `step${n}`,
    title: 'Apply',
    stepNumber: n,
    stepCount: 3,
    submitLabel: n === 3 ? 'Submit' : 'Next',
    fields: [
      { id: 'organisationName', label: 'Organisation name', kind: 'text' as const, required: true, maxLength: 200 },
      {
        id: 'dialogueIds',
        label: 'Dialogues',
        kind: 'multiselect' as const,
        required: true,
        options: [
          { value: 'firearms', label: 'Firearms' },
          { value: 'tip', label: 'Trafficking in persons' },
        ],
      },
    ],
  };
}

export function memoryDedupe() {
  const seen = new Set<string>();
  return async (id: string) => (seen.has(id) ? false : (seen.add(id), true));
}

export function makeDeps(api: FakeSlackApi, engine: Engine, env: Record<string, string> = {}) {
  const tasks: Promise<unknown>[] = [];
  const errors: unknown[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: api.url,
    SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
    DIALOGUES_CLOCK: '2023-01-20T09:00:00Z',
    // Empty means "use the default"; given explicitly because the URL parsers want a string.
    PUBLIC_URL: '',
    TEAMS_OPENID_METADATA_URL: '',
    TEAMS_TOKEN_URL: '',
    TEAMS_SERVICE_URL: '',
    ...env,
  });
  const reviewChannel = vi.fn(async () => null as string | null);
  const seen = memoryDedupe();
  const deps: AdapterHost = {
    // Only what these tests reach; anything else they touch fails loudly.
    store: { reviewChannel } as Partial<Store> as Store,
    clock: manualClock(new Date('2023-01-20T09:00:00Z')),
    log: silentLogger,
    engine,
    metrics: createMemoryMetrics(),
    background: (task: () => Promise<unknown>) => void tasks.push(task().catch((e) => errors.push(e))),
    deliveries: { isNew: seen, forget: async () => {} },
    reviewerLists: { isListed: async () => false },
  };
  const settle = async () => {
    while (tasks.length) await tasks.shift();
  };
  return { deps, settings: slackSettings(config), settle, errors, reviewChannel };
}

/** An adapter wired to the fake API, with in-memory dedupe and a fixed real clock. */
export function makeAdapter<E extends Engine = EngineStub>(
  api: FakeSlackApi,
  engine?: E,
  env: Record<string, string> = {},
  waits: Partial<SlackWaits> = {},
) {
  const eng = (engine ?? fakeEngine()) as E;
  const made = makeDeps(api, eng, env);
  const adapter = createSlackAdapter(made.deps, made.settings, {
    verifyClock: () => REAL_NOW,
    isNew: memoryDedupe(),
    socket: createSocketConnection,
    waits,
  });
  return { ...made, adapter, engine: eng };
}

export interface SignOptions {
  secret?: string;
  /** Seconds. */
  timestamp?: number;
  headers?: Record<string, string>;
  unsigned?: boolean;
}

/** A request to POST /slack/events signed as Slack signs it. */
export async function signed(body: string, contentType: string, o: SignOptions = {}): Promise<Request> {
  const ts = String(o.timestamp ?? Math.floor(REAL_NOW / 1000));
  const headers: Record<string, string> = { 'content-type': contentType, ...o.headers };
  if (!o.unsigned) {
    headers['x-slack-request-timestamp'] = ts;
    headers['x-slack-signature'] = await computeSignature(o.secret ?? SECRET, ts, body);
  }
  return new Request('http://localhost/slack/events', { method: 'POST', headers, body });
}

export const jsonBody = (o: unknown) => JSON.stringify(o);
export const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const interactionBody = (payload: unknown) => formBody({ payload: JSON.stringify(payload) });
export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';
