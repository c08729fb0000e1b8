/**
 * What applicants ask (shared/faq-questions.md) and the facts each answer must carry, checked on
 * the text the bot actually says — retrieval, computed facts and sources together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterAll(async () => t?.close());

const cases: [string, RegExp[]][] = [
  ["what's the last day i can send my application", [/12 February 2023/, /midnight/, /Vienna/]],
  ['When does the firearms meeting take place', [/5 May 2023/, /Working Group on Firearms/, /hybrid/i, /online/]],
  ['date of the technical assistance dialogue?', [/31 May 2023/, /Working Group of Government Experts on Technical Assistance/]],
  ['Can I join online or do I have to travel to Vienna?', [/online/i, /Vienna/]],
  ['We are a university research centre. Are we allowed to take part?', [/academia/i]],
  ['Can a private company apply?', [/private sector/i]],
  ["our ngo doesn't have ecosoc status, can we still apply", [/without ECOSOC/i]],
  ["We're ECOSOC accredited, do we have to fill the form anyway?", [/also required to apply/i]],
  ['can i apply for firearms AND technical assistance', [/more than one/i]],
  ["We don't know yet if we can attend. Should we wait?", [/not yet certain|even if/i, /later stage|not be possible|no later/i]],
  ['Who decides whether we are accepted?', [/States parties/]],
  ['How do you pick participants?', [/States parties|gender/i]],
  ['Will UNODC pay for my flight and hotel?', [/bear|costs/i, /case.by.case|limited/i]],
  ['What is the purpose of these dialogues?', [/brief/i, /input and suggestions/, /article 32/]],
  ['What is the legal basis for the dialogues?', [/paragraph 53/i, /9\/1/]],
  ['when is the migrant smuggling one', [/9 October 2023/, /March 2023/]],
  ['international cooperation dialogue date', [/13 September 2023/]],
  ['How do I apply?', [/12 February 2023/]],
  ['Who do I contact with questions?', [/unodc-se4u@un\.org/]],
  ["Where can I read last year's report?", [/2022/, /report/i]],
  ['Is it in Vienna?', [/Vienna/, /online/]],
  ['What time zone is the deadline in?', [/Vienna/, /CET|Central European/]],
  ['Can I change my application after sending it?', [/deadline/i, /review/i]],
];

describe('answers to the questions applicants ask, on 20 January 2023', () => {
  for (const [question, facts] of cases) {
    it(question, async () => {
      const r = await new PlaygroundClient(t.app, 'asker', 'Europe/Vienna').say(question);
      const text = allText(r.replies);
      for (const fact of facts) expect(text).toMatch(fact);
      const sources = r.replies.flatMap((x) => (x.kind === 'text' ? (x.sources ?? []) : []));
      expect(sources.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/not sure/);
    });
  }

  it("gives the asker's own time alongside Vienna time", async () => {
    const r = await new PlaygroundClient(t.app, 'asker', 'America/Los_Angeles').say('when is the deadline');
    expect(allText(r.replies)).toMatch(/12 February 2023, 15:00/);
  });

  it('offers to notify about a dialogue whose call is not open yet', async () => {
    const r = await new PlaygroundClient(t.app, 'asker').say('Can I apply for the trafficking dialogue now?');
    expect(allText(r.replies)).toMatch(/March 2023/);
    expect(actionsOf(r.replies)).toContainEqual(expect.objectContaining({ id: 'subscribe', value: 'trafficking-in-persons' }));
  });

  it('answers in Spanish when asked in Spanish, with the date in Spanish', async () => {
    const r = await new PlaygroundClient(t.app, 'asker').say('hola, ¿cuál es la fecha límite?');
    expect(allText(r.replies)).toMatch(/12 de febrero de 2023/);
    expect(allText(r.replies)).toMatch(/Quedan 23 días/);
    expect(allText(r.replies)).not.toMatch(/February/);
  });

  it('answers in French when asked in French', async () => {
    const r = await new PlaygroundClient(t.app, 'asker').say('Quand a lieu le dialogue sur les armes à feu ?');
    expect(allText(r.replies)).toMatch(/5 mai 2023/);
    expect(allText(r.replies)).toMatch(/Vienne/);
  });

  it('answers both halves of a two-part question', async () => {
    const text = allText((await new PlaygroundClient(t.app, 'asker').say('When is the deadline and is there travel support?')).replies);
    expect(text).toMatch(/12 February 2023/);
    expect(text).toMatch(/grassroots/);
  });

  it('tells the asker their own status and reference', async () => {
    const me = new PlaygroundClient(t.app, 'status-asker');
    await me.submit(await me.fillForm(await me.say('apply')), {});
    expect(allText((await me.say('Did you get my application?')).replies)).toMatch(/CD-2023-\d{4}/);
  });

  it('gives the deadline in the place the question names, in the asker’s language', async () => {
    const en = allText((await new PlaygroundClient(t.app, 'nairobi').say('what time is the deadline for us in Nairobi?')).replies);
    expect(en).toMatch(/Nairobi time: 13 February 2023, 02:00 \(UTC\+03\)/);
    const es = allText((await new PlaygroundClient(t.app, 'cdmx').say('¿A qué hora vence el plazo en Ciudad de México?')).replies);
    expect(es).toMatch(/Hora de Ciudad de México: 12 de febrero de 2023, 17:00/);
    // Vienna's own clock adds nothing to Vienna time.
    expect(allText((await new PlaygroundClient(t.app, 'vienna').say('deadline in Vienna time?')).replies)).not.toMatch(/Vienna time:/);
  });

  it('"when will we hear back?" before applying says how decisions come, not "no application"', async () => {
    const text = allText(
      (await new PlaygroundClient(t.app, 'not-yet').say('when will we hear back about whether we were accepted')).replies,
    );
    expect(text).toMatch(/States parties/);
    expect(text).not.toMatch(/no application/);
  });

  it('after applying, "when will I know" shows the asker’s own application', async () => {
    const me = new PlaygroundClient(t.app, 'outcome-asker');
    await me.submit(await me.fillForm(await me.say('apply')), {});
    expect(allText((await me.say('when will I know')).replies)).toMatch(/CD-2023-\d{4}/);
  });

  it('"I want to apply for …" opens the form for a dialogue of the open call, and answers for a later one', async () => {
    const firearms = await new PlaygroundClient(t.app, 'wants-firearms').say('please register me for the firearms dialogue');
    expect(firearms.replies.some((r) => r.kind === 'form')).toBe(true);
    const later = await new PlaygroundClient(t.app, 'wants-tip').say('I would like to apply for the trafficking in persons dialogue');
    expect(later.replies.some((r) => r.kind === 'form')).toBe(false);
    expect(allText(later.replies)).toMatch(/March 2023/);
    expect(allText(later.replies)).not.toMatch(/No call for participation is open/);
  });

  it('after the deadline, says it closed and what opens next', async () => {
    const late = await createTestApp({ now: '2023-03-01T10:00:00Z' });
    try {
      const text = allText((await new PlaygroundClient(late.app, 'late').say('Is it too late to register?')).replies);
      expect(text).toMatch(/closed on 12 February 2023/);
      expect(text).toMatch(/Trafficking in Persons/);
    } finally {
      await late.close();
    }
  });

  it('an answer changes as soon as the secretariat edits the data', async () => {
    await t.deps.db
      .updateTable('settings')
      .set({ value: JSON.stringify('dialogues@example.org') })
      .where('key', '=', 'contact_email')
      .execute();
    await t.deps.db
      .updateTable('faq_entries')
      .set({ answer: 'Write to dialogues@example.org.', updated_at: new Date().toISOString() })
      .where('answer', 'like', '%unodc-se4u%')
      .execute();
    const text = allText((await new PlaygroundClient(t.app, 'asker').say('Who do I contact with questions?')).replies);
    expect(text).toMatch(/dialogues@example\.org/);
  });
});
