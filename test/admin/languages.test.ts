/**
 * The catalogue in three languages from the admin panel: each FAQ entry edited per language,
 * missing translations shown, and a dialogue's other names that the bot then understands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, PlaygroundClient } from '../support/playground-client';
import { Visitor, createAdminTestApp, type AdminTestApp } from './support';

let t: AdminTestApp;
let v: Visitor;
beforeEach(async () => {
  t = await createAdminTestApp();
  v = new Visitor(t.web);
  await v.signIn();
});
afterEach(async () => {
  await t.close();
});

const contact = {
  call_id: '',
  question: 'How can I contact the organizers?',
  variants: 'What is the contact email?',
  answer: 'Write to unodc-se4u@un.org.',
  source: 'Should you have any questions please contact us at unodc-se4u@un.org.',
  source_url: '',
  topic: '',
};

describe('FAQ entries in English, French and Spanish', () => {
  it('shows every seeded entry translated, and edits one language without touching the others', async () => {
    const list = await (await v.get('/admin/faq')).text();
    expect(list).toContain('Every entry is in English, French and Spanish.');
    const page = await (await v.get('/admin/faq/contact')).text();
    expect(page).toContain('<fieldset lang="fr">');
    expect(page).toContain('Comment contacter les organisateurs ?');
    expect(page).toContain('¿Cómo puedo contactar a los organizadores?');

    t.clock.advance(60_000);
    const res = await v.post('/admin/faq/contact', {
      ...contact,
      fr_question: 'Comment joindre le secrétariat ?',
      fr_variants: 'Adresse de contact\nCourriel du secrétariat',
      fr_answer: 'Écrivez au secrétariat : unodc-se4u@un.org.',
      es_question: '',
      es_variants: '',
      es_answer: '',
    });
    expect(res.status).toBe(303);
    const rows = await t.deps.db.selectFrom('faq_translations').selectAll().where('faq_id', '=', 'contact').execute();
    expect(rows.map((r) => r.locale)).toEqual(['fr']);
    expect(JSON.parse(rows[0]!.variants)).toEqual(['Adresse de contact', 'Courriel du secrétariat']);

    const after = await (await v.get('/admin/faq?missing=1')).text();
    expect(after).toContain('1 of');
    expect(after).toContain('Spanish missing');
    expect(after).toContain('How can I contact the organizers?');
    expect(after).not.toContain('Who can apply?');

    // The bot follows: French from the edit, Spanish falls back to English and says so.
    const fr = allText((await new PlaygroundClient(t.app, 'fr-asker').say('Comment joindre le secrétariat ?')).replies);
    expect(fr).toContain('Écrivez au secrétariat');
    // Asked in Spanish with the English words of the entry, which has no Spanish version now.
    const es = allText((await new PlaygroundClient(t.app, 'es-asker').say('¿Cuál es el contact email de los organizers?')).replies);
    expect(es).toContain('Write to unodc-se4u@un.org.');
    expect(es).toContain('todavía no está disponible en español');
  });

  it('refuses a half-filled translation and keeps what was typed', async () => {
    await v.get('/admin/faq/contact');
    const res = await v.post('/admin/faq/contact', {
      ...contact,
      fr_question: 'Comment nous joindre ?',
      fr_variants: '',
      fr_answer: '',
      es_question: '',
      es_variants: '',
      es_answer: '',
    });
    expect(res.status).toBe(400);
    expect(v.lastHtml).toMatch(/id="fr_answer-error"[^>]*>.*Enter the answer in French/);
    expect(v.lastHtml).toContain('value="Comment nous joindre ?"');
    const rows = await t.deps.db.selectFrom('faq_translations').select('locale').where('faq_id', '=', 'contact').execute();
    expect(rows.map((r) => r.locale).sort()).toEqual(['es', 'fr']);
  });
});

describe('other names of a dialogue', () => {
  it('are edited with the dialogue, and the bot recognises them', async () => {
    const before = allText((await new PlaygroundClient(t.app, 'asker-1').say('when is the ICD meeting?')).replies);
    expect(before).toContain('There is no Constructive Dialogue on ICD');
    const d = await t.deps.db.selectFrom('dialogues').selectAll().where('id', '=', 'international-cooperation').executeTakeFirstOrThrow();
    t.clock.advance(60_000); // an edit a minute later, as in real life
    const page = await (await v.get('/admin/dialogues/international-cooperation')).text();
    expect(page).toContain('mutual legal assistance');
    const res = await v.post('/admin/dialogues/international-cooperation', {
      id: d.id,
      name: d.name,
      short_name: d.short_name,
      date: d.date ?? '',
      format: d.format,
      location: d.location,
      description: d.description,
      status: d.status,
      call_note: d.call_note ?? '',
      sort_order: String(d.sort_order),
      aliases: 'IC\nICD\n  \nICD',
    });
    expect(res.status).toBe(303);
    const row = await t.deps.db
      .selectFrom('dialogues')
      .select('aliases')
      .where('id', '=', 'international-cooperation')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.aliases)).toEqual(['IC', 'ICD']);
    const after = allText((await new PlaygroundClient(t.app, 'asker-2').say('when is the ICD meeting?')).replies);
    expect(after).not.toContain('There is no Constructive Dialogue');
    expect(after).toContain('13 September 2023');
  });
});
