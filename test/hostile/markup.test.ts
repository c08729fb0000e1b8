/**
 * Nothing a person typed renders as a link, a mention or formatting, on any platform, and no
 * body larger than a route accepts is read. Properties over:
 * - every string of every neutral reply (the renderers' inputs) carrying Markdown, Slack mrkdwn,
 *   Adaptive Card / Teams Markdown and mention syntax, rendered to Block Kit and Adaptive Cards;
 * - every free-text field of the application, a reviewer's reason and name, carried end to end
 *   to what the fake Slack Web API and the fake Bot Framework connector received;
 * - bodies over each route's limit, with and without a declared length: 413, nothing stored.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../domain/messages';
import { renderMessages } from '../../bot/slack/render';
import { formToModal, promptToModal } from '../../bot/slack/render-form';
import { repliesToActivities, replyToCard } from '../../bot/teams/render/replies';
import { FakeBotFramework } from '../fakes/bot-framework';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { submitAs } from '../security/support';
import { BODY_LIMITS, DEFAULT_BODY_LIMIT } from '../../server/limits';
import { rowCounts } from './support';

/** Pieces of markup in every syntax the surfaces understand, with some plain words between. */
const TOKENS = [
  '[Verify your account](https://evil.example/login)',
  '<https://evil.example|click here>',
  '<!channel>',
  '<!here|here>',
  '<@U0ADMIN>',
  '<#C0SECRET>',
  '**bold**',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```block```',
  '# Heading',
  '> quote',
  '- item',
  '1. item',
  '<at>Megan</at>',
  'https://evil.example/a',
  'www.evil.example',
  '![img](https://evil.example/x.png)',
  '&lt;b&gt;',
  '\\*',
  '|',
  '<',
  '>',
  '&',
];
const markup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom('Acme', ' ', '\n', 'é', 'مرحبا', '漢字')), { minLength: 1, maxLength: 8 })
  .map((p) => p.join(''));

/**
 * Raw markup that must never reach a platform as written (it would be a link, mention or format).
 * Slack's mrkdwn has no [label](url) links, and verbatim text objects keep bare URLs as text.
 * The one link allowed is the renderers' own, to a source URL that passed the link rule.
 */
const SLACK_LIVE = [
  /<https?:\/\/evil/,
  /<[@!#]/,
  /(^|[^\u200B])\*bold/,
  /(^|[^\u200B])_italic/,
  /(^|[^\u200B])~strike/,
  /(^|[^\u200B])`code/,
];
const TEAMS_LIVE = [
  /(^|[^\\])\[(?:\\.|[^\]\\\n])*\]\((?!https:\/\/www\.unodc\.org\/cd\))/,
  /(^|[^\\])<at>/,
  /(^|[^\\])\*\*bold/,
  /(^|[^\\])_italic/,
  /https:\/\/evil/,
  /(^|[^\\])www\.evil/,
  /^\s*# Heading/m,
  /^\s*> quote/m,
  /^\s*- item/m,
  /^\s*1\. item/m,
];

function slackStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => slackStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') {
      expect(o.verbatim).toBe(true);
      out.push(o.text);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'value' && k !== 'private_metadata') slackStrings(v, out);
  }
  return out;
}

function teamsStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => teamsStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    if (o.type === 'message' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) teamsStrings(v, out);
  }
  return out;
}

function expectInert(slack: string[], teams: string[]): void {
  for (const s of slack) for (const live of SLACK_LIVE) expect(s, `Slack: ${s.slice(0, 200)}`).not.toMatch(live);
  for (const s of teams) for (const live of TEAMS_LIVE) expect(s, `Teams: ${s.slice(0, 200)}`).not.toMatch(live);
}

describe('markup in neutral replies', () => {
  it('is shown as text by every renderer, in every field', () => {
    const reply = fc.oneof(
      fc.record({
        kind: fc.constant('text' as const),
        text: markup,
        sources: fc.array(
          fc.record({
            label: markup,
            quote: fc.option(markup),
            url: fc.option(fc.constantFrom('https://www.unodc.org/cd', 'https://evil.example/a>|<!channel>', 'javascript:alert(1)')),
          }),
          { maxLength: 2 },
        ),
      }),
      fc.record({
        kind: fc.constant('card' as const),
        card: fc.record({
          title: markup,
          subtitle: markup,
          text: markup,
          footer: markup,
          fields: fc.array(fc.record({ label: markup, value: markup }), { maxLength: 4 }),
        }),
      }),
      fc.record({
        kind: fc.constant('form' as const),
        form: fc.record({
          formId: fc.constant('application'),
          draftId: fc.constant('d1'),
          stepId: fc.constant('organisation'),
          title: markup,
          intro: markup,
          stepNumber: fc.constant(2),
          stepCount: fc.constant(7),
          submitLabel: fc.constant('Next'),
          fields: fc.array(
            fc.record({
              id: fc.constantFrom('organisationName', 'areasOfWork'),
              label: markup,
              kind: fc.constantFrom('text' as const, 'textarea' as const),
              required: fc.boolean(),
              help: markup,
              error: markup,
              value: markup,
            }),
            { maxLength: 2 },
          ),
          summary: fc.array(fc.record({ label: markup, value: markup }), { maxLength: 3 }),
        }),
      }),
      fc.record({
        kind: fc.constant('prompt' as const),
        prompt: fc.record({
          formId: fc.constant('review.reason'),
          contextId: fc.constant('c1'),
          title: markup,
          label: markup,
          submitLabel: fc.constant('Send'),
          maxLength: fc.constant(1000),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(reply, { minLength: 1, maxLength: 3 }), (replies) => {
        const rs = replies as Reply[];
        const slack = slackStrings(renderMessages(rs));
        for (const r of rs) {
          if (r.kind === 'form') slackStrings(formToModal(r.form), slack);
          if (r.kind === 'prompt') slackStrings(promptToModal(r.prompt), slack);
        }
        const teams = teamsStrings(repliesToActivities(rs));
        for (const r of rs) teamsStrings(replyToCard(r), teams);
        expectInert(slack, teams);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markup in what people type, end to end', () => {
  let api: FakeSlackApi;
  let fake: FakeBotFramework;
  let t: TestApp;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    fake = await FakeBotFramework.start();
    t = await createTestApp({
      env: {
        SLACK_SIGNING_SECRET: 'markup-secret-0123456789',
        SLACK_BOT_TOKEN: 'xoxb-markup',
        SLACK_API_URL: api.url,
        SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
        ...fake.env({ TEAMS_REVIEW_CONVERSATION: '19:reviews@thread.tacv2' }),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await api.close();
    await fake.stop();
  });

  let seq = 0;
  it('never reaches Slack or Teams as a link, mention or formatting', async () => {
    const text = (min: number) =>
      markup.map((s) => `${s} ${'words '.repeat(Math.max(0, Math.ceil((min - s.length) / 6)))}`.slice(0, 190).trim());
    // Names and one-line fields refuse line breaks (a domain rule); the markup stays.
    const line = (min: number) => text(min).map((s) => s.replace(/[\r\n]+/g, ' '));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          org: line(2),
          areas: text(20),
          relevance: text(20),
          name: line(2),
          role: line(2),
          travel: text(20),
          reason: text(12),
          decider: line(2),
        }),
        async (v) => {
          api.reset();
          fake.reset();
          const platform = ++seq % 2 ? ('slack' as const) : ('teams' as const);
          const actor =
            platform === 'slack'
              ? { platform, userId: `U0MARK${seq}`, scope: 'T123ABC456', displayName: v.decider }
              : {
                  platform,
                  userId: `aaaaaaaa-0000-0000-0000-${String(seq).padStart(12, '0')}`,
                  scope: '72f988bf-86f1-41af-91ab-2d7cd011db47',
                  displayName: v.decider,
                };
          const { id } = await submitAs(t, actor, {
            dialogues: { dialogueIds: ['firearms'] },
            organisation: { organisationName: v.org, areasOfWork: v.areas },
            relevance: { relevance_firearms: v.relevance },
            representatives: { rep1_name: v.name, rep1_role: v.role },
            travel: { travelJustification: v.travel },
          });
          const decided = await t.deps.engine.decide({
            applicationId: id,
            dialogueId: 'firearms',
            outcome: 'reject',
            reason: v.reason,
            deciderName: v.decider,
            deciderRef: 'teams:x',
          });
          expect(decided.ok).toBe(true);
          await t.drainOutbox();
          const slack = [...api.calls('chat.postMessage'), ...api.calls('chat.update')].flatMap((c) => {
            const blocks = typeof c.body.blocks === 'string' ? JSON.parse(c.body.blocks) : c.body.blocks;
            return [...slackStrings(blocks), ...(typeof c.body.text === 'string' ? [c.body.text] : [])];
          });
          const teams = fake.sent().flatMap((c) => teamsStrings(c.body));
          expect(slack.length + teams.length).toBeGreaterThan(0);
          expectInert(slack, teams);
        },
      ),
      { numRuns: 12 },
    );
  }, 180_000);
});

describe('oversized bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SLACK_SIGNING_SECRET: 'size-secret-0123456789', SLACK_BOT_TOKEN: 'xoxb-size', PLAYGROUND: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const routes = [
    '/slack/events',
    '/api/messages',
    '/teams/dialog/api',
    '/playground/api/event',
    '/admin/login',
    '/admin/faq/new',
    '/apply',
    '/elsewhere',
  ];
  const limitOf = (path: string) => BODY_LIMITS.find((l) => path.startsWith(l.prefix))?.bytes ?? DEFAULT_BODY_LIMIT;

  it('are refused with 413 before anything is parsed or stored, declared or not', async () => {
    const before = await rowCounts(t.deps.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.integer({ min: 1, max: 3 * 1024 * 1024 }),
        fc.boolean(),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'),
        async (path, extra, declared, type) => {
          const size = limitOf(path) + extra;
          const body = Buffer.alloc(size, 0x7b);
          const headers: Record<string, string> = {
            'content-type': type,
            authorization: 'Bearer x',
            'x-slack-signature': 'v0=00',
            'x-slack-request-timestamp': '1',
          };
          if (declared) headers['content-length'] = String(size);
          const res = await t.app.request(path, { method: 'POST', headers, body });
          expect(res.status, `${path} ${size}`).toBe(413);
          expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
        },
      ),
      { numRuns: 40 },
    );
    expect(await rowCounts(t.deps.db)).toEqual(before);
  }, 120_000);
});
