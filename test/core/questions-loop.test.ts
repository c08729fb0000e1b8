/**
 * The loop in the playground: a question the bot cannot answer goes to the secretariat, the
 * answer written in the admin panel comes back to everyone who asked it, in their language and
 * where they asked, and the next person asking gets it from the FAQ.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card, Reply } from '../../domain/messages';
import { createAdminTestApp, Visitor, type AdminTestApp } from '../admin/support';
import { actionsOf, allText, PlaygroundClient } from '../support/playground-client';

let t: AdminTestApp;
let admin: Visitor;

beforeEach(async () => {
  t = await createAdminTestApp();
  admin = new Visitor(t.web);
  await admin.signIn();
});
afterEach(async () => t.close());

const cardOf = (replies: Reply[]): Card => {
  const r = replies.find((x) => x.kind === 'card');
  if (!r || r.kind !== 'card') throw new Error('no card');
  return r.card;
};

async function openQuestions() {
  return t.deps.db.selectFrom('unanswered_questions').selectAll().where('status', '=', 'open').orderBy('asked_at').execute();
}

describe('questions passed to the secretariat', () => {
  it('answers everyone who asked, in their language, and the next asker gets it from the FAQ', async () => {
    const amina = new PlaygroundClient(t.app, 'amina');
    const bruno = new PlaygroundClient(t.app, 'bruno');
    const claire = new PlaygroundClient(t.app, 'claire');

    const first = allText((await amina.say('Will there be sign language interpretation?')).replies);
    expect(first).toContain('I have passed your question to the secretariat. Their answer will come here, in this conversation.');
    t.clock.advance(60_000);
    await bruno.say('will there be sign-language interpretation');
    t.clock.advance(60_000);
    await claire.say('Y aura-t-il une interprétation en langue des signes pendant les dialogues ?');

    const open = await openQuestions();
    expect(open.map((q) => q.merged_into === null)).toEqual([true, false, true]);
    expect(open[1]!.merged_into).toBe(open[0]!.id);
    expect(open[2]!.locale).toBe('fr');
    await admin.get('/admin/questions');
    expect(admin.lastHtml).toContain('Asked by 2 people');

    // Merged by the secretariat: Claire's question is the same one.
    await admin.post(`/admin/questions/${open[2]!.id}/merge`, { into: open[0]!.id });

    await admin.get(`/admin/questions/${open[0]!.id}/answer`);
    const tooLong = await admin.post(`/admin/questions/${open[0]!.id}/answer`, {
      answer: 'x'.repeat(10_000),
      add_to_faq: 'on',
      question: '',
      call_id: '',
    });
    expect(tooLong.status).toBe(400);
    expect(admin.lastHtml).toContain('An answer can be at most 4,000 characters; yours has 10,000.');
    expect(await t.deps.db.selectFrom('outbox').select('id').where('purpose', '=', 'question_answer').execute()).toHaveLength(0);

    const answer = 'Yes: International Sign interpretation is provided in the room and online.';
    const res = await admin.post(`/admin/questions/${open[0]!.id}/answer`, {
      answer,
      add_to_faq: 'on',
      question: 'Will there be sign language interpretation?',
      call_id: '',
    });
    expect(res.status).toBe(303);
    await t.drainOutbox();

    for (const [who, asked] of [
      [amina, 'Will there be sign language interpretation?'],
      [bruno, 'will there be sign-language interpretation'],
    ] as const) {
      const feed = (await who.feed()).filter((m) => m.purpose === 'question_answer');
      expect(feed).toHaveLength(1);
      const card = cardOf(feed[0]!.replies);
      expect(card.title).toBe('The secretariat has answered your question');
      expect(card.fields).toEqual([{ label: 'You asked', value: asked }]);
      expect(card.text).toBe(answer);
      expect(card.footer).toBe('Answered by the secretariat of the Constructive Dialogues on 20 January 2023');
    }
    const french = cardOf((await claire.feed()).find((m) => m.purpose === 'question_answer')!.replies);
    expect(french.title).toBe('Le secrétariat a répondu à votre question');
    expect(french.fields![0]!.label).toBe('Votre question');

    await admin.get('/admin/questions?status=answered');
    expect(admin.lastHtml).toContain('3 of 3 delivered');

    // The next person asking, in any of the wordings, gets the answer from the FAQ.
    const next = await new PlaygroundClient(t.app, 'dmitri').say('Will there be sign language interpretation?');
    const said = allText(next.replies);
    expect(said).toContain(answer);
    expect(said).not.toContain('passed your question');
    const sources = next.replies.flatMap((r) => (r.kind === 'text' ? (r.sources ?? []) : []));
    expect(sources.some((s) => s.quote === 'Answered by the secretariat of the Constructive Dialogues on 20 January 2023.')).toBe(true);
    expect(await openQuestions()).toHaveLength(0);
  });

  it('a second answer is not sent, and the one who wrote it is told who answered first', async () => {
    await new PlaygroundClient(t.app, 'amina').say('Is there a crèche for participants with children?');
    const [q] = await openQuestions();
    const one = t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'No, there is no crèche.',
      addToFaq: false,
      by: 'Ana',
      ref: 'admin:ana',
    });
    const two = t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'Yes, there is one.',
      addToFaq: false,
      by: 'Ben',
      ref: 'admin:ben',
    });
    const results = await Promise.all([one, two]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok)!;
    expect(lost).toMatchObject({ ok: false, code: 'already_answered' });
    await t.drainOutbox();
    const feed = (await new PlaygroundClient(t.app, 'amina').feed()).filter((m) => m.purpose === 'question_answer');
    expect(feed).toHaveLength(1);
  });

  it('sends nothing to someone who deleted their data before the answer', async () => {
    await new PlaygroundClient(t.app, 'amina').say('Is there a crèche for participants with children?');
    const [q] = await openQuestions();
    await t.deps.db.deleteFrom('identities').where('person_id', '=', q!.person_id!).execute();
    await t.deps.db.deleteFrom('people').where('id', '=', q!.person_id!).execute();
    const result = await t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'No, there is no crèche.',
      addToFaq: true,
      by: 'Ana',
      ref: 'admin:ana',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await t.deps.db.selectFrom('outbox').select('id').where('purpose', '=', 'question_answer').execute()).toHaveLength(0);
  });

  it('offers related questions under the answer; clicking one asks it', async () => {
    const amina = new PlaygroundClient(t.app, 'amina');
    await amina.say('Can our delegation bring an interpreter for the dialogue on firearms?');
    const [q] = await openQuestions();
    await t.deps.engine.answerQuestion({
      questionId: q!.id,
      answer: 'Yes, one interpreter may accompany each delegation.',
      addToFaq: true,
      by: 'Ana',
      ref: 'admin:ana',
    });
    await t.drainOutbox();
    const notice = (await amina.feed()).find((m) => m.purpose === 'question_answer')!;
    const follow = actionsOf(notice.replies);
    expect(follow.length).toBeGreaterThan(0);
    expect(follow.length).toBeLessThanOrEqual(3);
    expect(follow.every((a) => a.id === 'question.ask')).toBe(true);
    const asked = await amina.click('question.ask', follow[0]!.value);
    const faq = await t.deps.db.selectFrom('faq_entries').select(['answer']).where('id', '=', follow[0]!.value!).executeTakeFirstOrThrow();
    expect(allText(asked.replies)).toContain(faq.answer.split('.')[0]);
  });

  it('small talk and thanks never reach the inbox; asking for a person is a request for contact', async () => {
    const amina = new PlaygroundClient(t.app, 'amina');
    for (const text of ['thanks', 'Ok, thank you!', 'bye', 'merci beaucoup', 'gracias', 'how are you?', 'who are you']) {
      const said = allText((await amina.say(text)).replies);
      expect(said, text).not.toContain('secretariat.');
    }
    expect(allText((await amina.say('merci')).replies)).toContain('Je vous en prie');
    expect(await t.deps.db.selectFrom('unanswered_questions').select('id').execute()).toHaveLength(0);

    const handoff = allText((await amina.say('Can I talk to a person please?')).replies);
    expect(handoff).toContain('I have asked the secretariat to get in touch with you. Their reply will come here, in this conversation.');
    const [q] = await openQuestions();
    expect(q).toMatchObject({ kind: 'contact', text: 'Can I talk to a person please?' });
    await admin.get('/admin/questions');
    expect(admin.lastHtml).toContain('wants to talk to a person');
  });
});
