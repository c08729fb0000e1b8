import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Visitor, addUser, createAdminTestApp, type AdminTestApp } from './support';

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

const call = {
  id: 'cd-2023-tip-som',
  title: 'Constructive Dialogues on Trafficking and Smuggling 2023',
  reference_prefix: 'cd-2023b',
  dialogue_ids: ['trafficking-in-persons', 'smuggling-of-migrants'],
  zone: 'Europe/Vienna',
  opens_local: '2023-03-15T09:00',
  closes_local: '2023-05-01T00:00',
};

describe('forms', () => {
  it('re-renders a dialogue form with the values typed and an error by each bad field', async () => {
    await v.get('/admin/dialogues/new');
    const res = await v.post('/admin/dialogues/new', {
      id: 'Bad Id!',
      name: 'Constructive Dialogue on Cybercrime',
      short_name: '',
      date: '5 May',
      format: 'hybrid',
      location: 'Vienna',
      description: 'About cybercrime',
      status: 'announced',
      sort_order: '7',
    });
    expect(res.status).toBe(400);
    const html = v.lastHtml;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/There is a problem/);
    expect(html).toMatch(/id="id-error"[^>]*>.*Use lower-case letters/);
    expect(html).toMatch(/id="short_name-error"[^>]*>.*Enter a short name/);
    expect(html).toMatch(/id="date-error"[^>]*>.*YYYY-MM-DD/);
    expect(html).toContain('value="Bad Id!"');
    expect(html).toContain('value="Constructive Dialogue on Cybercrime"');
    expect(html).toContain('About cybercrime</textarea>');
    expect(html).toMatch(/aria-invalid="true" aria-describedby="id-hint id-error"/);
  });

  it('creates a call from local time in a zone, shown in Vienna time and UTC, with an audit row', async () => {
    await v.get('/admin/calls/new');
    const res = await v.post('/admin/calls/new', {
      ...call,
      zone: 'America/New_York',
      opens_local: '2023-03-15T09:00',
      closes_local: '2023-05-01T00:00',
    });
    expect(res.status).toBe(303);
    const row = await t.deps.db.selectFrom('calls').selectAll().where('id', '=', call.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      opens_at: '2023-03-15T13:00:00.000Z',
      closes_at: '2023-05-01T04:00:00.000Z',
      zone: 'America/New_York',
      reference_prefix: 'CD-2023B',
    });
    const links = await t.deps.db.selectFrom('call_dialogues').select('dialogue_id').where('call_id', '=', call.id).execute();
    expect(links.map((l) => l.dialogue_id).sort()).toEqual(['smuggling-of-migrants', 'trafficking-in-persons']);
    const list = await (await v.get('/admin/calls')).text();
    expect(list).toContain('1 May 2023, 06:00 Vienna');
    expect(list).toContain('1 May 2023, 04:00 UTC');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'call.create').executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(call.id);
    expect(audit.actor_ref).toMatch(/^admin:/);
  });

  it('refuses a deadline before the opening, a dialogue before the deadline, and a time the clocks skip', async () => {
    await v.get('/admin/calls/new');
    await v.post('/admin/calls/new', { ...call, closes_local: '2023-03-01T00:00' });
    expect(v.lastHtml).toMatch(/The deadline must be after the opening/);
    expect(v.lastHtml).toContain('value="2023-03-01T00:00"');
    await v.post('/admin/calls/new', { ...call, closes_local: '2023-10-05T00:00' });
    expect(v.lastHtml).toMatch(/The dialogue date must be after the deadline: Trafficking in Persons \(2023-10-04\)/);
    // 26 March 2023, 02:30 does not exist in Vienna (clocks go from 02:00 to 03:00).
    const res = await v.post('/admin/calls/new', { ...call, opens_local: '2023-03-26T02:30' });
    expect(res.status).toBe(400);
    expect(v.lastHtml).toMatch(/does not exist in this time zone/);
    expect(await t.deps.db.selectFrom('calls').select('id').where('id', '=', call.id).executeTakeFirst()).toBeUndefined();
  });

  it('edits the seeded call, and the bot says the new deadline at once', async () => {
    await v.get('/admin/calls/cd-2023-firearms-ta');
    expect(v.lastHtml).toContain('value="2023-02-13T00:00"');
    const res = await v.post('/admin/calls/cd-2023-firearms-ta', {
      title: 'Constructive Dialogues on Firearms and Technical Assistance 2023',
      reference_prefix: 'CD-2023',
      dialogue_ids: ['firearms', 'technical-assistance'],
      zone: 'Europe/Vienna',
      opens_local: '2023-01-05T00:00',
      closes_local: '2023-02-20T00:00',
    });
    expect(res.status).toBe(303);
    const { PlaygroundClient, allText } = await import('../support/playground-client');
    const said = allText((await new PlaygroundClient(t.app, 'olga').say('What is the deadline?')).replies);
    expect(said).toMatch(/19 February 2023/);
  });

  it('edits the call title in French and Spanish; an empty one falls back to the English title', async () => {
    await v.get('/admin/calls/cd-2023-firearms-ta');
    expect(v.lastHtml).toContain('value="Dialogues constructifs sur les armes à feu et l’assistance technique 2023"');
    const res = await v.post('/admin/calls/cd-2023-firearms-ta', {
      title: 'Constructive Dialogues on Firearms and Technical Assistance 2023',
      title_fr: 'Dialogues constructifs 2023 : armes à feu et assistance technique',
      title_es: '',
      reference_prefix: 'CD-2023',
      dialogue_ids: ['firearms', 'technical-assistance'],
      zone: 'Europe/Vienna',
      opens_local: '2023-01-05T00:00',
      closes_local: '2023-02-13T00:00',
    });
    expect(res.status).toBe(303);
    const [saved] = await t.deps.store.listCalls();
    expect(saved?.translations?.fr?.title).toBe('Dialogues constructifs 2023 : armes à feu et assistance technique');
    expect(saved?.translations?.es).toBeUndefined();
    const { callTitle } = await import('../../domain/localized');
    expect(callTitle(saved!, 'es')).toBe('Constructive Dialogues on Firearms and Technical Assistance 2023');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'call.update').executeTakeFirstOrThrow();
    expect(audit.detail).toContain('armes à feu et assistance technique');
  });

  it('edits a dialogue in French and Spanish: a half-filled language is refused, an empty one shows the English texts', async () => {
    await v.get('/admin/dialogues/firearms');
    expect(v.lastHtml).toContain('<fieldset lang="fr">');
    expect(v.lastHtml).toContain('value="Dialogue constructif sur les armes à feu"');
    const english = {
      name: 'Constructive Dialogue on Firearms',
      short_name: 'Firearms',
      date: '2023-05-05',
      format: 'hybrid',
      location: 'Vienna, Austria, and online',
      description: 'Follows the conclusion of the Working Group on Firearms.',
      status: 'active',
      sort_order: '1',
    };
    const french = {
      fr_name: 'Dialogue constructif sur les armes à feu et leurs munitions',
      fr_short_name: 'Armes à feu',
      fr_location: 'Vienne (Autriche) et en ligne',
      fr_description: 'Fait suite au Groupe de travail sur les armes à feu.',
    };
    const half = await v.post('/admin/dialogues/firearms', { ...english, ...french, es_name: 'Diálogo constructivo sobre armas de fuego' });
    expect(half.status).toBe(400);
    expect(v.lastHtml).toMatch(/id="es_short_name-error"[^>]*>.*Enter the short name in Spanish, or leave every Spanish field empty/);
    expect(v.lastHtml).toContain('value="Dialogue constructif sur les armes à feu et leurs munitions"');

    const saved = await v.post('/admin/dialogues/firearms', { ...english, ...french });
    expect(saved.status).toBe(303);
    const dialogue = (await t.deps.store.listDialogues()).find((d) => d.id === 'firearms');
    expect(dialogue?.translations?.fr).toEqual({
      name: 'Dialogue constructif sur les armes à feu et leurs munitions',
      shortName: 'Armes à feu',
      location: 'Vienne (Autriche) et en ligne',
      description: 'Fait suite au Groupe de travail sur les armes à feu.',
      callNote: null,
    });
    expect(dialogue?.translations?.es).toBeUndefined();
    const { dialogueIn } = await import('../../domain/localized');
    expect(dialogueIn(dialogue!, 'es').name).toBe('Constructive Dialogue on Firearms');
  });

  it('answers an inbox question into the FAQ, keeping the asked wording and the secretariat as the source', async () => {
    await t.deps.db
      .insertInto('unanswered_questions')
      .values({
        id: 'q1',
        text: 'Is there interpretation into French?',
        platform: 'slack',
        person_id: null,
        asked_at: t.clock.now().toISOString(),
        best_match_id: null,
        status: 'open',
        answered_faq_id: null,
      })
      .execute();
    await v.get('/admin/questions');
    expect(v.lastHtml).toContain('Is there interpretation into French?');
    await v.get('/admin/questions/q1/answer');
    expect(v.lastHtml).toMatch(/name="add_to_faq" value="on" checked/);
    const bad = await v.post('/admin/questions/q1/answer', {
      question: 'Is there interpretation?',
      answer: '',
      call_id: '',
      add_to_faq: 'on',
    });
    expect(bad.status).toBe(400);
    expect(v.lastHtml).toContain('value="Is there interpretation?"');
    expect(v.lastHtml).toContain('Please write an answer.');
    const res = await v.post('/admin/questions/q1/answer', {
      question: 'Is there interpretation?',
      answer: 'The dialogues are held in English.',
      call_id: '',
      add_to_faq: 'on',
    });
    expect(res.status).toBe(303);
    const q = await t.deps.db.selectFrom('unanswered_questions').selectAll().where('id', '=', 'q1').executeTakeFirstOrThrow();
    expect(q.status).toBe('answered');
    const faq = await t.deps.db.selectFrom('faq_entries').selectAll().where('id', '=', q.answered_faq_id!).executeTakeFirstOrThrow();
    expect(faq.question).toBe('Is there interpretation?');
    expect(JSON.parse(faq.variants)).toEqual(['Is there interpretation into French?']);
    expect(faq.source).toBe('Answered by the secretariat of the Constructive Dialogues on 20 January 2023.');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'question.answer').execute();
    expect(audit).toHaveLength(1);
  });

  it('sets a reviewer channel and the contact address', async () => {
    await t.deps.db
      .insertInto('conversations')
      .values({
        platform: 'slack',
        id: 'C0REVIEW',
        scope: 'T1',
        kind: 'channel',
        name: 'cd-reviewers',
        user_id: null,
        service_url: null,
        data: null,
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    await v.get('/admin/channels/edit?call=&platform=slack');
    expect(v.lastHtml).toContain('#cd-reviewers (C0REVIEW)');
    expect((await v.post('/admin/channels/edit', { call_id: '', platform: 'slack', conversation: 'C0REVIEW', address: '' })).status).toBe(
      303,
    );
    expect(await t.deps.store.reviewChannel('cd-2023-firearms-ta', 'slack')).toBe('C0REVIEW');
    await v.get('/admin/channels');
    const bad = await v.post('/admin/channels/settings', { contact_email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(v.lastHtml).toContain('value="not-an-email"');
    expect((await v.post('/admin/channels/settings', { contact_email: 'dialogues@example.org' })).status).toBe(303);
    expect(await t.deps.store.getSetting('contact_email')).toBe('dialogues@example.org');
  });
});

describe('roles', () => {
  it('keeps a reviewer out of calls (page and POST) and users, but lets them read applications', async () => {
    await addUser(t, 'rev@example.org', 'reviewer');
    const r = new Visitor(t.web);
    await r.signIn('rev@example.org', 'another long password');
    expect((await r.get('/admin/calls')).status).toBe(403);
    expect((await r.get('/admin/calls/cd-2023-firearms-ta')).status).toBe(403);
    await r.get('/admin');
    const post = await r.post('/admin/calls/cd-2023-firearms-ta', {
      title: 'Hijacked',
      reference_prefix: 'X',
      dialogue_ids: ['firearms'],
      zone: 'UTC',
      opens_local: '2023-01-01T00:00',
      closes_local: '2023-02-01T00:00',
    });
    expect(post.status).toBe(403);
    expect(
      (await t.deps.db.selectFrom('calls').select('title').where('id', '=', 'cd-2023-firearms-ta').executeTakeFirstOrThrow()).title,
    ).not.toBe('Hijacked');
    expect((await r.get('/admin/users')).status).toBe(403);
    expect((await r.get('/admin/applications')).status).toBe(200);
    expect(r.lastHtml).not.toContain('href="/admin/calls"');
  });

  it('lets an admin add a user, who can then sign in; the last admin cannot demote themselves', async () => {
    await v.get('/admin/users/new');
    const bad = await v.post('/admin/users/new', {
      email: 'new@example.org',
      display_name: 'New Person',
      role: 'secretariat',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(v.lastHtml).toMatch(/Use at least 12 characters/);
    expect(v.lastHtml).toContain('value="New Person"');
    expect(
      (
        await v.post('/admin/users/new', {
          email: 'new@example.org',
          display_name: 'New Person',
          role: 'secretariat',
          password: 'a good long password',
        })
      ).status,
    ).toBe(303);
    const n = new Visitor(t.web);
    expect((await n.signIn('new@example.org', 'a good long password')).status).toBe(303);
    expect((await n.get('/admin/users')).status).toBe(403);
    const me = await t.deps.db.selectFrom('admin_users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    await v.get(`/admin/users/${me.id}`);
    const demote = await v.post(`/admin/users/${me.id}`, { display_name: 'Me', role: 'reviewer', password: '' });
    expect(demote.status).toBe(409);
    expect(v.lastHtml).toMatch(/last active administrator/);
  });
});
