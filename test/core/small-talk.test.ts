/**
 * Small talk and awkward messages in the playground: short replies in the language they were
 * said in, nothing in the secretariat's inbox, never an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/harness';
import { allText, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterAll(async () => t?.close());

let n = 0;
const inbox = async () => t.deps.db.selectFrom('unanswered_questions').select(['text']).execute();

describe('small talk', () => {
  it.each([
    ['good morning', /Constructive Dialogues/],
    ['Hi there!', /Constructive Dialogues/],
    ['thanks!', /welcome/],
    ['how are you?', /fine/],
    ['who are you?', /Dialogue Desk/],
    ['bye', /Goodbye/],
    ['Bonjour', /appel à participation/],
    ['merci beaucoup', /Je vous en prie/],
    ['qui êtes-vous ?', /Dialogue Desk/],
    ['¡Hola!', /convocatoria/],
    ['muchas gracias', /De nada/],
    ['¿quién eres?', /Dialogue Desk/],
    ['thanks a lot, that was really helpful!', /welcome/],
    ["Merci, c'est très clair !", /Je vous en prie/],
    ['Mil gracias, muy amable', /De nada/],
  ])('%s', async (q, reply) => {
    const before = (await inbox()).length;
    const r = await new PlaygroundClient(t.app, `talk ${(n += 1)}`).say(q);
    expect(allText(r.replies)).toMatch(reply);
    expect(allText(r.replies).length).toBeLessThan(500);
    expect((await inbox()).length).toBe(before);
  });

  it.each([
    ['can I talk to a human?', 'Their reply will come here'],
    ['je voudrais parler à une personne', 'Sa réponse arrivera ici'],
    ['quiero hablar con una persona', 'Su respuesta llegará aquí'],
  ])('%s: a request for contact in the inbox, not a question', async (q, where) => {
    const who = `talk ${(n += 1)}`;
    const said = allText((await new PlaygroundClient(t.app, who).say(q)).replies);
    expect(said).toContain(where);
    expect(said).toMatch(/unodc-se4u@un\.org/);
    const row = await t.deps.db.selectFrom('unanswered_questions').selectAll().where('text', '=', q).executeTakeFirstOrThrow();
    expect(row.kind).toBe('contact');
  });

  it('answers the question after a greeting', async () => {
    const text = allText((await new PlaygroundClient(t.app, 'greet-q').say('Hello! When is the deadline?')).replies);
    expect(text).toMatch(/12 February 2023/);
    expect(text).not.toMatch(/Ask me, for example/);
  });
});

describe('messages that are not questions', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji only', '🙂🎉👍🏽'],
    ['control characters', '\u0000\u0007\u001b[31m'],
    ['right-to-left', 'ما هو الموعد النهائي للتقديم؟'],
    ['mixed scripts', 'deadline 締め切り срок موعد?'],
    ['10,000 characters', 'When is the deadline? '.repeat(455).slice(0, 10_000)],
    ['bidi controls around a question', '\u202Ewhen is the deadline?\u202C'],
  ])('%s: a short reply, never an error', async (_, text) => {
    // The engine itself, as every platform adapter calls it (the playground's own limit is 2,000).
    const userId = `odd-${(n += 1)}`;
    const r = await t.deps.engine.handle({
      kind: 'message',
      text,
      conversation: { id: `playground:${userId}`, isDirect: true },
      actor: { platform: 'playground', userId, scope: 'local', displayName: userId },
    });
    expect(r.replies.length).toBeGreaterThan(0);
    expect(allText(r.replies).length).toBeLessThan(1_500);
  });

  it('keeps at most the first 1,000 characters of an unanswered question', async () => {
    const long = `Is there a dress code? ${'x'.repeat(1_500)}`;
    await new PlaygroundClient(t.app, 'long-unknown').say(long);
    const rows = await inbox();
    const stored = rows.find((r) => r.text.startsWith('Is there a dress code?'));
    expect(stored?.text.length).toBe(1_000);
  });
});
