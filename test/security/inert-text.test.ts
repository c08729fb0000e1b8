/**
 * Finding 2: applicant text became links in reviewer cards. An organisation name with Markdown
 * reached Slack as `<https://evil.example/login|Verify your account>` and Teams as a Markdown
 * link; reviewers' names and reasons took the same path. What the platforms receive now shows
 * such text as text: no link, mention or formatting from anything a person typed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createTestApp, type TestApp } from '../support/harness';
import { HOSTILE_ORG, submitAs } from './support';

let api: FakeSlackApi;
let fake: FakeBotFramework;
let t: TestApp;
beforeAll(async () => {
  api = await startFakeSlackApi();
  fake = await FakeBotFramework.start();
});
afterAll(async () => {
  await api.close();
  await fake.stop();
});
afterEach(async () => {
  await t?.close();
  api.reset();
  fake.reset();
});

const REVIEWS = '19:reviewers@thread.tacv2';
const APPLICANT = { platform: 'slack' as const, userId: 'U0APPLICANT', scope: 'T123ABC456', displayName: 'Amina' };
const HOSTILE_REASON = 'See [the form](https://evil.example/form) <@U0ADMIN> <!here> **now**';
const HOSTILE_NAME = 'Eve [Support](https://evil.example/help)';

/** Every string Slack was asked to show, with the text objects they sit in. */
function slackTexts(): { text: string; type?: string; verbatim?: boolean }[] {
  const out: { text: string; type?: string; verbatim?: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o as never);
    Object.values(o).forEach(walk);
  };
  for (const call of [...api.calls('chat.postMessage'), ...api.calls('chat.update')]) {
    if (typeof call.body.text === 'string') out.push({ text: call.body.text, type: 'fallback' });
    walk(typeof call.body.blocks === 'string' ? JSON.parse(call.body.blocks) : call.body.blocks);
  }
  return out;
}

describe('user values on Slack and Teams', () => {
  it('never become a link, mention or formatting in review cards, card updates and notices', async () => {
    t = await createTestApp({
      env: {
        SLACK_SIGNING_SECRET: 'inert-secret-0123456789',
        SLACK_BOT_TOKEN: 'xoxb-inert',
        SLACK_API_URL: api.url,
        SLACK_REVIEW_CHANNEL: 'C0REVIEWS',
        ...fake.env({ TEAMS_REVIEW_CONVERSATION: REVIEWS }),
      },
    });
    const { id } = await submitAs(t, APPLICANT, { organisation: { organisationName: HOSTILE_ORG } });
    const result = await t.deps.engine.decide({
      applicationId: id,
      dialogueId: 'firearms',
      outcome: 'reject',
      reason: HOSTILE_REASON,
      deciderName: HOSTILE_NAME,
      deciderRef: 'teams:eve',
    });
    expect(result.ok).toBe(true);
    await t.drainOutbox();

    const slack = slackTexts();
    expect(slack.length).toBeGreaterThan(3);
    const all = slack.map((s) => s.text).join('\n');
    expect(all).toContain('Acme');
    expect(all).toContain('Verify your account');
    // No link or mention can be formed: every < and > a person typed arrives escaped.
    expect(all).not.toMatch(/<https?:/);
    expect(all).not.toMatch(/<[@!#]/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U0ADMIN&gt;');
    // No formatting: the markers show, but a zero-width space keeps them from pairing up.
    expect(all).not.toMatch(/(^|[^\u200B])\*bold/);
    // Bare URLs stay text too: every mrkdwn object is verbatim.
    for (const s of slack.filter((x) => x.type === 'mrkdwn')) expect(s.verbatim).toBe(true);

    const teams = JSON.stringify(fake.sent().map((c) => c.body));
    expect(teams).toContain('Acme');
    expect(fake.sent().some((c) => c.conversationId === REVIEWS)).toBe(true);
    // As Markdown: brackets, angle brackets, emphasis and the scheme's "//" are escaped.
    const shown = fake.sent().flatMap((c) => texts(c.body));
    const joined = shown.join('\n');
    expect(joined).toContain('\\[Verify your account\\]');
    expect(joined).toContain('\\[Support\\]');
    expect(joined).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
    expect(joined).not.toMatch(/(^|[^\\])<at>/);
    expect(joined).not.toMatch(/(^|[^\\])\*\*now/);
    expect(joined).not.toContain('https://evil');
  });
});

/** TextBlock texts, FactSet titles and values, and message text of a Bot Framework activity. */
function texts(activity: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    if (o.type === 'message' && typeof o.text === 'string') out.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(activity);
  return out;
}
