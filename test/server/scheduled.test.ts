import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { allText, formOf, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

describe('reminders to unfinished drafts', () => {
  it('sends the 7-day reminder once, then the 1-day reminder once, and none to submitted applications', async () => {
    t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
    const idle = new PlaygroundClient(t.app, 'idle');
    const first = formOf(await idle.say('apply'));
    await idle.submit(first, { dialogueIds: ['firearms'], participation: 'online' });
    const done = new PlaygroundClient(t.app, 'done');
    await done.submit(await done.fillForm(await done.say('apply')), {});

    await t.built.scheduled();
    await t.drainOutbox();
    expect((await idle.feed()).filter((m) => m.purpose === 'reminder')).toHaveLength(0);

    // 6 days before the deadline (12 Feb 2023, 24:00 Vienna = 23:00 UTC).
    t.clock.set(new Date('2023-02-06T23:00:00Z'));
    await t.built.scheduled();
    await t.built.scheduled();
    await t.drainOutbox();
    const week = (await idle.feed()).filter((m) => m.purpose === 'reminder');
    expect(week).toHaveLength(1);
    expect(allText(week[0]!.replies)).toMatch(/not sent yet/);

    t.clock.set(new Date('2023-02-12T08:00:00Z'));
    await t.built.scheduled();
    await t.drainOutbox();
    expect((await idle.feed()).filter((m) => m.purpose === 'reminder')).toHaveLength(2);
    expect((await done.feed()).filter((m) => m.purpose === 'reminder')).toHaveLength(0);
  });
});

describe('"tell me when the call opens"', () => {
  it('records the wish and tells the person once when the secretariat opens that call', async () => {
    t = await createTestApp({ now: '2023-02-20T09:00:00Z' });
    const c = new PlaygroundClient(t.app, 'hana');
    const r = await c.say('Please tell me when the trafficking in persons call opens');
    expect(allText(r.replies)).toMatch(/I will tell you here when the call for the Constructive Dialogue on Trafficking in Persons opens/);

    const now = '2023-02-20T09:00:00.000Z';
    await t.deps.db
      .insertInto('calls')
      .values({
        id: 'cd-2023-tip',
        title: 'Constructive Dialogues, second half of 2023',
        reference_prefix: 'CD-2023B',
        opens_at: '2023-03-15T08:00:00.000Z',
        closes_at: '2023-05-15T22:00:00.000Z',
        zone: 'Europe/Vienna',
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.deps.db.insertInto('call_dialogues').values({ call_id: 'cd-2023-tip', dialogue_id: 'trafficking-in-persons' }).execute();

    await t.built.scheduled();
    await t.drainOutbox();
    expect((await c.feed()).filter((m) => m.purpose === 'call_opened')).toHaveLength(0);

    t.clock.set(new Date('2023-03-16T09:00:00Z'));
    await t.built.scheduled();
    await t.built.scheduled();
    await t.drainOutbox();
    const notices = (await c.feed()).filter((m) => m.purpose === 'call_opened');
    expect(notices).toHaveLength(1);
    expect(allText(notices[0]!.replies)).toMatch(/Trafficking in Persons/);
  });
});
