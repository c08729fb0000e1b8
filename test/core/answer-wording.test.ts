/**
 * How answers read: each fact said once, the question's own dialogue rather than every dialogue,
 * and no invented answer for a dialogue the call does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterAll(async () => t?.close());

const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, 'g')) ?? []).length;
const ask = async (q: string, zone = 'Asia/Manila') => allText((await new PlaygroundClient(t.app, 'wording', zone).say(q)).replies);

describe('answers say each fact once', () => {
  it.each([
    'when is the deadline?',
    'whats the deadlin',
    'Is it too late to register?',
    'How do I apply?',
    'When is the deadline and is there travel support?',
  ])('%s: the deadline date once', async (q) => {
    const text = await ask(q);
    expect(count(text, /12 February 2023/)).toBe(1);
    expect(text).toMatch(/13 February 2023, 07:00 \(Asia\/Manila/);
  });

  it('keeps what the stored answer adds to the deadline', async () => {
    expect(await ask('when is the deadline?')).toMatch(/not possible to apply later/);
  });

  it('a question about one later dialogue says its call opens in March once, and offers to notify', async () => {
    const r = await new PlaygroundClient(t.app, 'wording').say('Can I apply for the trafficking dialogue now?');
    const text = allText(r.replies);
    expect(text).toMatch(/Trafficking in Persons/);
    expect(text).toMatch(/4 October 2023/);
    expect(count(text, /March 2023/)).toBe(1);
    expect(text).not.toMatch(/Firearms: 5 May/);
    expect(actionsOf(r.replies)).toContainEqual(expect.objectContaining({ id: 'subscribe', value: 'trafficking-in-persons' }));
  });

  it('a question about the Firearms dialogue does not list the later dialogues', async () => {
    const text = await ask('When does the firearms meeting take place');
    expect(text).toMatch(/5 May 2023/);
    expect(text).toMatch(/hybrid/i);
    expect(text).not.toMatch(/Smuggling of Migrants/);
  });

  it('a general question about dates still lists every dialogue', async () => {
    const text = await ask('what are the dates of the dialogues?');
    for (const d of ['5 May 2023', '31 May 2023', '13 September 2023', '4 October 2023', '9 October 2023']) expect(text).toContain(d);
  });
});

describe('dialogues the call does not have', () => {
  it.each(['apply for the cybercrime dialogue', 'when is the cybercrime dialogue?', 'Is there a dialogue on corruption?'])(
    '%s',
    async (q) => {
      const text = await ask(q);
      expect(text).toMatch(/no Constructive Dialogue on (cybercrime|corruption)/i);
      expect(text).toMatch(/Firearms/);
      expect(text).toMatch(/unodc-se4u@un\.org/);
      expect(text).not.toMatch(/more than one Constructive Dialogue/);
    },
  );
});

describe('plain questions about money', () => {
  it('how much does it cost', async () => {
    const text = await ask('how much does it cost');
    expect(text).toMatch(/bear all related costs/);
    expect(text).not.toMatch(/not sure/);
  });
});
