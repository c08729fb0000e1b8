/**
 * Acknowledging on one thread and answering on another (Node's answer thread): the acknowledging
 * adapter verifies, stores the event id and hands over only the raw body; the answering adapter
 * reads it again and answers. Two adapters over one dedupe store stand for the two threads.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api';
import { createSlackAdapter } from '../../bot/slack';
import type { AckedEvent } from '../../bot/slack/runtime';
import { FORM_TYPE, JSON_TYPE, REAL_NOW, fakeEngine, fixture, fixtureText, jsonBody, makeDeps, memoryDedupe, signed } from './support';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

function threads() {
  const isNew = memoryDedupe();
  const handed: AckedEvent[] = [];
  const mainEngine = fakeEngine();
  const answerEngine = fakeEngine();
  const main = makeDeps(api, mainEngine);
  const acks = createSlackAdapter(main.deps, main.settings, { verifyClock: () => REAL_NOW, isNew, handOff: (e) => handed.push(e) });
  const other = makeDeps(api, answerEngine);
  const answers = createSlackAdapter(other.deps, other.settings, { verifyClock: () => REAL_NOW, isNew });
  return { acks, answers, handed, mainEngine, answerEngine, settleMain: main.settle };
}

describe('Slack events acknowledged here and answered elsewhere', () => {
  it('acknowledges a DM without answering it, and the other side answers it from the raw body', async () => {
    const t = threads();
    const body = jsonBody(fixture('event_message_im.json'));
    const before = Date.now();
    const res = await t.acks.routes!.request(await signed(body, JSON_TYPE));
    expect(res.status).toBe(200);
    await t.settleMain();
    expect(t.mainEngine.handle).not.toHaveBeenCalled();
    expect(t.handed).toHaveLength(1);
    expect(t.handed[0]!.rawBody).toBe(body);
    expect(t.handed[0]!.received).toBeGreaterThanOrEqual(before);

    await t.answers.answerAcked(t.handed[0]!);
    expect(t.answerEngine.handle).toHaveBeenCalledTimes(1);
    expect(api.calls('chat.postMessage')[0]?.body).toMatchObject({ channel: 'D024BE91L', text: 'You said: I want to apply' });
  });

  it('hands a retried delivery over once', async () => {
    const t = threads();
    const body = jsonBody(fixture('event_message_im.json'));
    await t.acks.routes!.request(await signed(body, JSON_TYPE));
    const retry = await t.acks.routes!.request(await signed(body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1' } }));
    expect(retry.status).toBe(200);
    expect(t.handed).toHaveLength(1);
  });

  it('hands over nothing for events it ignores', async () => {
    const t = threads();
    await t.acks.routes!.request(await signed(jsonBody(fixture('event_message_im_from_bot.json')), JSON_TYPE));
    expect(t.handed).toEqual([]);
  });

  it('keeps slash commands on the acknowledging side (their dedupe runs with the work)', async () => {
    const t = threads();
    const res = await t.acks.routes!.request(await signed(fixtureText('slash_command.body.txt'), FORM_TYPE));
    expect(res.status).toBe(200);
    await t.settleMain();
    expect(t.handed).toEqual([]);
    expect(vi.mocked(t.mainEngine.openForm).mock.calls.length + t.mainEngine.handle.mock.calls.length).toBe(1);
  });

  it('answers nothing for a handed body that is not an event it answers', async () => {
    const t = threads();
    await t.answers.answerAcked({ rawBody: '{"type":"event_callback"', received: Date.now() });
    await t.answers.answerAcked({ rawBody: jsonBody(fixture('url_verification.json')), received: Date.now() });
    expect(t.answerEngine.handle).not.toHaveBeenCalled();
    expect(api.calls()).toEqual([]);
  });
});
