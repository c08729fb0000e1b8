/**
 * A full non-objection round on SQLite, through the admin panel and the playground: reviewers
 * recommend, the secretariat sends a round, focal points object and withdraw, the scheduled job
 * closes it (twice, and twice at once: it decides once), the unobjected applicant is approved and
 * told, the objected one goes back to the secretariat and can only be rejected or sent again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundClient, actionsOf, allText } from '../support/playground-client';
import { Visitor, createAdminTestApp, type AdminTestApp } from './support';

let t: AdminTestApp;
let admin: Visitor;
const ids: Record<string, { id: string; reference: string }> = {};

async function applyAs(name: string, organisationName: string, country: string, gender: string) {
  const who = new PlaygroundClient(t.app, name);
  const summary = await who.fillForm(await who.say('apply'), {
    dialogues: { dialogueIds: ['firearms'] },
    organisation: { organisationName, country },
    representatives: { rep1_name: `${name} Representative`, rep1_gender: gender, rep1_email: `${name}@private.example.org` },
  });
  const done = await who.submit(summary, {});
  const reference = allText(done.replies).match(/CD-2023-\d{4}/)![0];
  const row = await t.deps.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  ids[name] = { id: row.id, reference };
}

async function recommend(name: string) {
  await t.drainOutbox();
  const reviewer = new PlaygroundClient(t.app, 'reviewer');
  const card = (await reviewer.feed())
    .filter((m) => m.purpose.startsWith('review_card') && allText(m.replies).includes(ids[name]!.reference))
    .at(-1)!;
  const approve = actionsOf(card.replies).find((a) => a.id === 'review.approve')!;
  return reviewer.click(approve.id, approve.value);
}

async function focalPoint(email: string, state: string) {
  await admin.get('/admin/users/new');
  const res = await admin.post('/admin/users/new', {
    email,
    display_name: `Focal point ${state}`,
    role: 'state_party',
    state_party: state,
    password: 'a focal point passphrase',
  });
  expect(res.status).toBe(303);
  const v = new Visitor(t.web);
  const signed = await v.signIn(email, 'a focal point passphrase');
  expect(signed.status).toBe(303);
  return v;
}

const status = async (name: string) =>
  (
    await t.deps.db
      .selectFrom('application_dialogues')
      .select('status')
      .where('application_id', '=', ids[name]!.id)
      .executeTakeFirstOrThrow()
  ).status;

beforeAll(async () => {
  t = await createAdminTestApp({ now: '2023-01-20T09:00:00Z' });
  admin = new Visitor(t.web);
  await admin.signIn();
  await applyAs('amina', 'Women Against Small Arms Network', 'KE', 'female');
  await applyAs('ben', 'Andean Firearms Observatory', 'PE', 'male');
  await applyAs('carla', 'Balkan Small Arms Watch', 'RS', 'female');
});
afterAll(async () => {
  await t?.close();
});

describe('a non-objection round, end to end', () => {
  it('recommends instead of approving, and shows the balance on the reviewer card', async () => {
    expect(allText((await recommend('amina')).replies)).toMatch(/recommended CD-2023-0001 for Firearms/);
    await recommend('ben');
    await t.drainOutbox();
    // Carla's card is redrawn on the next refresh; the balance line counts the two recommended.
    const reviewer = new PlaygroundClient(t.app, 'reviewer');
    const carla = (await reviewer.feed()).find((m) => allText(m.replies).includes(ids.carla!.reference))!;
    expect(allText(carla.replies)).toMatch(/Firearms balance: would be the first from Eastern European States/);
    const amina = (await reviewer.feed()).filter((m) => allText(m.replies).includes(ids.amina!.reference)).at(-1)!;
    expect(allText(amina.replies)).toMatch(/Firearms: recommended by reviewer, .*Awaiting approval by the States parties/);
    expect(await status('amina')).toBe('recommended');
    // No notice to the applicant for a recommendation.
    expect(allText((await new PlaygroundClient(t.app, 'amina').feed()).flatMap((m) => m.replies))).not.toMatch(/approved|recommended/i);
    await recommend('carla');
  });

  let roundId = '';
  let austria: Visitor;
  let mexico: Visitor;

  it('sends a round of every recommended application, frozen, and tells the focal points', async () => {
    austria = await focalPoint('focal.at@bmeia.example.gv.at', 'AT');
    mexico = await focalPoint('focal.mx@sre.example.gob.mx', 'MX');
    const waiting = await (await admin.get('/admin/rounds')).text();
    expect(waiting).toMatch(/Firearms: 3 recommended/);
    const form = await (await admin.get('/admin/rounds/new?call=cd-2023-firearms-ta&dialogue=firearms')).text();
    // Default closing: the end of the 10th working day after Friday 20 January 2023, Vienna time.
    expect(form).toContain('value="2023-02-04T00:00"');
    expect(form.match(/name="application_ids" value="[^"]+" checked/g)).toHaveLength(3);
    const sent = await admin.post('/admin/rounds/new', {
      call_id: 'cd-2023-firearms-ta',
      dialogue_id: 'firearms',
      application_ids: Object.values(ids).map((x) => x.id),
      closes_local: '2023-02-04T00:00',
    });
    expect(sent.status).toBe(303);
    roundId = sent.headers.get('location')!.match(/\/admin\/rounds\/([^?]+)/)![1]!;
    const round = await t.deps.db.selectFrom('approval_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
    expect(round).toMatchObject({ status: 'open', closes_at: '2023-02-03T23:00:00.000Z', body: 'states_parties' });

    const notices = await t.deps.db.selectFrom('outbox').selectAll().where('purpose', '=', 'round_notice').execute();
    expect(notices.map((n) => JSON.parse(n.recipient).address).sort()).toEqual([
      'focal.at@bmeia.example.gv.at',
      'focal.mx@sre.example.gob.mx',
    ]);
    expect(notices[0]!.payload).toMatch(/3 organisations are recommended to take part in the Constructive Dialogue on Firearms/);
    expect(notices[0]!.payload).not.toMatch(/private\.example|Representative/);
    // Focal points are told by email (the email channel; without SMTP_URL it goes to the log).
    await t.drainOutbox();
    const sentNotices = await t.deps.db.selectFrom('outbox').select('status').where('purpose', '=', 'round_notice').execute();
    expect(sentNotices.map((n) => n.status)).toEqual(['delivered', 'delivered']);

    // The same applications cannot go into a second round while this one is open.
    const again = await admin.post('/admin/rounds/new', {
      call_id: 'cd-2023-firearms-ta',
      dialogue_id: 'firearms',
      application_ids: [ids.amina!.id],
      closes_local: '2023-02-10T00:00',
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/already in an open round/);
    expect(await t.deps.db.selectFrom('approval_rounds').select('id').execute()).toHaveLength(1);
  });

  it('shows focal points the organisations, not the people, and takes objections until the close', async () => {
    const page = await (await austria.get('/admin/objections')).text();
    expect(page).toContain('Women Against Small Arms Network');
    expect(page).toContain('Andean Firearms Observatory');
    expect(page).toMatch(/We document illicit small arms flows/);
    expect(page).not.toMatch(/private\.example|amina Representative|Female/);

    const objectTo = (v: Visitor, name: string, reason: string) =>
      v.post(`/admin/objections/${roundId}/${ids[name]!.id}/object`, { reason });
    const first = await objectTo(austria, 'amina', 'Concerns about the organisation’s registration.');
    expect(first.headers.get('location')).toMatch(/result=objected/);
    const twice = await objectTo(austria, 'amina', 'A second objection from the same State.');
    expect(twice.headers.get('location')).toMatch(/result=twice/);
    expect(await (await austria.get(twice.headers.get('location')!)).text()).toMatch(
      /Austria has already objected to this application in this round\. Nothing was changed\./,
    );
    expect((await objectTo(austria, 'carla', 'no')).headers.get('location')).toMatch(/result=reason/);

    // Mexico objects to Ben, then withdraws: Ben is approved at the close.
    await mexico.get('/admin/objections');
    expect((await objectTo(mexico, 'ben', 'We need to check this organisation.')).headers.get('location')).toMatch(/result=objected/);
    expect((await mexico.post(`/admin/objections/${roundId}/${ids.ben!.id}/withdraw`, {})).headers.get('location')).toMatch(
      /result=withdrawn/,
    );
    expect((await mexico.post(`/admin/objections/${roundId}/${ids.ben!.id}/withdraw`, {})).headers.get('location')).toMatch(/result=none/);

    // Someone without the role is refused, with the reason.
    const secretariat = await admin.post(`/admin/objections/${roundId}/${ids.carla!.id}/object`, {
      reason: 'The secretariat cannot object.',
    });
    expect(secretariat.status).toBe(403);
    expect(await secretariat.text()).toMatch(/Only a focal point of a State party can object\. Nothing was changed\./);
    // And a focal point cannot open the secretariat's pages.
    expect((await austria.get(`/admin/rounds/${roundId}`)).status).toBe(403);

    // The secretariat sees who objected and why; the applicant never does.
    const detail = await (await admin.get(`/admin/rounds/${roundId}`)).text();
    expect(detail).toMatch(/Austria \(Focal point AT &lt;focal\.at@bmeia\.example\.gv\.at&gt;\)/);
    expect(detail).toMatch(/withdrawn/);
    expect(allText((await new PlaygroundClient(t.app, 'amina').say('status')).replies)).toMatch(
      /Recommended, awaiting approval by the States parties/,
    );
  });

  it('closes once at its time, approves what stands unobjected, and sends the objected back', async () => {
    // "When will I know?" is answered from the round's closing date, in the asker's zone.
    const when = allText((await new PlaygroundClient(t.app, 'ben', 'America/Lima').say('when will I know?')).replies);
    expect(when).toMatch(/with the States parties for approval until 3 February 2023, 18:00 \(America\/Lima/);

    t.clock.set(new Date('2023-02-03T22:59:59Z'));
    await t.built.scheduled();
    expect(await status('ben')).toBe('recommended');

    t.clock.set(new Date('2023-02-03T23:00:00Z'));
    // Sessions last 12 hours: two weeks later everyone signs in again.
    await austria.signIn('focal.at@bmeia.example.gv.at', 'a focal point passphrase');
    await austria.get('/admin/objections');
    await admin.signIn();
    const late = await austria.post(`/admin/objections/${roundId}/${ids.carla!.id}/object`, { reason: 'Too late to object now.' });
    expect(late.headers.get('location')).toMatch(/result=closed/);
    expect(await (await austria.get(late.headers.get('location')!)).text()).toMatch(
      /This round closed on 3 Feb 2023, 24:00 \(Europe\/Vienna\): objections are no longer accepted/,
    );

    // Two jobs at once, then a third: one close.
    await Promise.all([t.built.scheduled(), t.built.scheduled()]);
    await t.built.scheduled();
    const closes = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'round.close').execute();
    expect(closes).toHaveLength(1);
    expect(await status('amina')).toBe('objected');
    expect(await status('ben')).toBe('approved');
    expect(await status('carla')).toBe('approved');

    await t.drainOutbox();
    // The reviewer cards are redrawn with the outcome.
    const cards = await new PlaygroundClient(t.app, 'reviewer').feed();
    const lastCard = (name: string) => allText(cards.filter((m) => allText(m.replies).includes(ids[name]!.reference)).at(-1)!.replies);
    expect(lastCard('ben')).toMatch(/Firearms: recommended by reviewer, .*Approved: no objection from the States parties\./);
    expect(lastCard('amina')).toMatch(/Firearms: recommended by reviewer, .*Objected in the approval round: back with the secretariat\./);
    const toBen = allText((await new PlaygroundClient(t.app, 'ben').feed()).flatMap((m) => m.replies));
    expect(toBen.match(/has been approved by the States parties/g)).toHaveLength(1);
    const toAmina = allText((await new PlaygroundClient(t.app, 'amina').feed()).flatMap((m) => m.replies));
    expect(toAmina).not.toMatch(/approved|objection/i);
    expect(allText((await new PlaygroundClient(t.app, 'amina').say('status')).replies)).toMatch(/Recommended, awaiting approval/);

    const actions = (await t.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'approval_round').execute())
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(['objection.create', 'objection.create', 'objection.withdraw', 'round.close', 'round.send']);
  });

  it('lets the secretariat only reject an objected application or send it again with a note', async () => {
    await admin.signIn();
    const list = await (await admin.get('/admin/rounds/objected')).text();
    expect(list).toContain(ids.amina!.reference);
    const noNote = await admin.post('/admin/rounds/new', {
      call_id: 'cd-2023-firearms-ta',
      dialogue_id: 'firearms',
      application_ids: [ids.amina!.id],
      closes_local: '2023-02-20T00:00',
    });
    expect(noNote.status).toBe(409);
    expect(await noNote.text()).toMatch(/need a note for the States parties/);
    // A reviewer cannot decide it again either.
    expect(
      (
        await t.deps.engine.decide({
          applicationId: ids.amina!.id,
          dialogueId: 'firearms',
          outcome: 'approve',
          reason: null,
          deciderName: 'R',
          deciderRef: 'playground:reviewer',
        })
      ).ok,
    ).toBe(false);

    const rejected = await admin.post(`/admin/rounds/objected/${ids.amina!.id}/firearms/reject`, {
      reason: 'A State party objected and the secretariat confirms it.',
    });
    expect(rejected.headers.get('location')).toMatch(/notice=rejected_after_objection/);
    expect(await status('amina')).toBe('rejected');
    await t.drainOutbox();
    expect(allText((await new PlaygroundClient(t.app, 'amina').feed()).flatMap((m) => m.replies))).toMatch(
      /was not approved\. Reason given: A State party objected/,
    );
    const twice = await admin.post(`/admin/rounds/objected/${ids.amina!.id}/firearms/reject`, {
      reason: 'A second rejection changes nothing.',
    });
    expect(twice.headers.get('location')).toMatch(/notice=not_objected/);
  });

  it('shows the balance per stage against the targets the secretariat sets per call', async () => {
    await admin.get('/admin/rounds/settings');
    const saved = await admin.post('/admin/rounds/settings/cd-2023-firearms-ta', {
      approval_body: 'states_parties',
      gender_female: '50',
      gender_male: '',
      'region_African States': '20',
      'region_Eastern European States': '10',
    });
    expect(saved.headers.get('location')).toMatch(/approval_saved/);
    const html = await (await admin.get('/admin/balance?dialogue=firearms')).text();
    // Approved: Ben (Peru, a man) and Carla (Serbia, a woman); Amina (Kenya) was rejected.
    expect(html).toMatch(/<tr class="under"><th scope="row">African States<strong class="under-note"> — below target<\/strong><\/th>/);
    expect(html).not.toMatch(/<tr class="under"><th scope="row">Eastern European States/);
    expect(html).not.toMatch(/<tr class="under"><th scope="row">Female/);
    expect(html).toMatch(/<th scope="col" class="num">Recom\u00admended<\/th>/);
    const bad = await admin.post('/admin/rounds/settings/cd-2023-firearms-ta', { approval_body: 'states_parties', gender_female: '150' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/A target is a percentage from 0 to 100/);
  });

  it('cancels an open round with a reason, and never edits one', async () => {
    // Carla and Ben are approved; a new application is recommended and sent, then cancelled.
    t.clock.set(new Date('2023-01-25T09:00:00Z'));
    await applyAs('dana', 'Pacific Arms Control Forum', 'FJ', 'female');
    await recommend('dana');
    t.clock.set(new Date('2023-02-06T09:00:00Z'));
    await admin.signIn();
    await admin.get('/admin/rounds');
    const sent = await admin.post('/admin/rounds/new', {
      call_id: 'cd-2023-firearms-ta',
      dialogue_id: 'firearms',
      application_ids: [ids.dana!.id],
      closes_local: '2023-02-20T00:00',
    });
    const id = sent.headers.get('location')!.match(/\/admin\/rounds\/([^?]+)/)![1]!;
    expect((await admin.post(`/admin/rounds/${id}/cancel`, { reason: 'x' })).headers.get('location')).toMatch(/round_cancel_reason/);
    expect(
      (await admin.post(`/admin/rounds/${id}/cancel`, { reason: 'Sent with the wrong closing date.' })).headers.get('location'),
    ).toMatch(/round_cancelled/);
    expect(
      (await admin.post(`/admin/rounds/${id}/cancel`, { reason: 'Sent with the wrong closing date.' })).headers.get('location'),
    ).toMatch(/round_not_open/);
    expect(await status('dana')).toBe('recommended');
    // Free for a new round.
    const again = await admin.post('/admin/rounds/new', {
      call_id: 'cd-2023-firearms-ta',
      dialogue_id: 'firearms',
      application_ids: [ids.dana!.id],
      closes_local: '2023-02-21T00:00',
    });
    expect(again.status).toBe(303);
  });
});
