import { afterEach, describe, expect, it } from 'vitest';
import { retentionPlan } from '../../server/jobs/retention';
import { ADMIN, Visitor, addUser, createAdminTestApp, type AdminTestApp } from '../admin/support';
import { CALL_ID, applyAndDecide } from './burst';

let t: AdminTestApp;
afterEach(async () => {
  await t?.close();
});

const audit = (action: string) => t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

async function signedIn(): Promise<Visitor> {
  const v = new Visitor(t.web);
  await v.signIn(ADMIN.email, ADMIN.password);
  return v;
}

describe('admin panel: data protection', () => {
  it('sets how long a call keeps personal data, refusing nonsense and changes from elsewhere', async () => {
    t = await createAdminTestApp();
    const admin = await signedIn();
    const page = await admin.get('/admin/privacy');
    expect(page.status).toBe(200);
    expect(admin.lastHtml).toContain('2023-05-31');
    expect(admin.lastHtml).toContain('value="12"');

    for (const bad of ['0', '-3', '121', 'twelve', '1.5']) {
      expect((await admin.post(`/admin/privacy/retention/${CALL_ID}`, { retention_months: bad })).status).toBe(400);
      await admin.get('/admin/privacy');
    }
    expect((await admin.post(`/admin/privacy/retention/${CALL_ID}`, { retention_months: '24' }, { csrf: 'forged' })).status).toBe(403);
    expect((await retentionPlan(t.deps.db))[0]!.retentionMonths).toBe(12);

    await admin.get('/admin/privacy');
    expect((await admin.post(`/admin/privacy/retention/${CALL_ID}`, { retention_months: '24' })).status).toBe(303);
    expect((await retentionPlan(t.deps.db)).find((p) => p.callId === CALL_ID)).toMatchObject({
      retentionMonths: 24,
      eraseAt: '2025-05-31T21:59:59.999Z',
    });
    const [row] = await audit('call.retention');
    expect(JSON.parse(row!.detail)).toEqual({ retention_months: { from: 12, to: 24 } });

    await addUser(t, 'reviewer@example.org', 'reviewer');
    const reviewer = new Visitor(t.web);
    await reviewer.signIn('reviewer@example.org', 'another long password');
    expect((await reviewer.get('/admin/privacy')).status).toBe(403);
  });

  it('exports and erases a person on request, audited; erasing twice is harmless', async () => {
    t = await createAdminTestApp();
    await applyAndDecide(t.deps.store, 3, () => t.clock.now().toISOString());
    await applyAndDecide(t.deps.store, 4, () => t.clock.now().toISOString());
    const admin = await signedIn();
    await admin.get('/admin/privacy?q=applicant3%40example.org');
    expect(admin.lastHtml).toContain('slack U00000003');
    expect(admin.lastHtml).not.toContain('applicant4@');
    const personId = /\/admin\/privacy\/people\/([\w-]+)\/export/.exec(admin.lastHtml)![1]!;

    const exported = await admin.post(`/admin/privacy/people/${personId}/export`, {});
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-2023-01-20\.json"$/);
    const data = (await exported.json()) as any;
    expect(data.applications[0].answers.representatives[0].email).toBe('ana3@example.org');
    const [exportRow] = await audit('person.export');
    expect(exportRow!.actor_ref).toMatch(/^admin:/);
    expect(exportRow!.detail).not.toContain('ana3');

    await admin.get('/admin/privacy?q=Applicant%203');
    expect((await admin.post(`/admin/privacy/people/${personId}/erase`, {})).status).toBe(400);
    expect(await t.deps.db.selectFrom('people').select('email').where('id', '=', personId).executeTakeFirst()).toEqual({
      email: 'applicant3@example.org',
    });

    await admin.get('/admin/privacy?q=Applicant%203');
    const erased = await admin.post(`/admin/privacy/people/${personId}/erase`, { confirm: 'yes' });
    expect(erased.status).toBe(200);
    expect(admin.lastHtml).toContain('Applications withdrawn: 1');
    const app = await t.deps.db.selectFrom('applications').selectAll().where('person_id', '=', personId).executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: 'withdrawn', organisation_name: null });
    expect(JSON.stringify(await t.deps.db.selectFrom('representatives').selectAll().execute())).not.toContain('ana3@');
    expect(JSON.stringify(await t.deps.db.selectFrom('representatives').selectAll().execute())).toContain('ana4@');
    const [eraseRow] = await audit('person.erase');
    expect(JSON.parse(eraseRow!.detail)).toMatchObject({ via: 'admin', withdrawn: 1, applications: 1 });

    await admin.get('/admin/privacy');
    await admin.post(`/admin/privacy/people/${personId}/erase`, { confirm: 'yes' });
    expect(admin.lastHtml).toContain('Already erased');
    expect(admin.lastHtml).toContain('Applications withdrawn: 0');
  });

  it('the dashboard shows the outbox backlog and messages failing for over an hour, with Retry now', async () => {
    t = await createAdminTestApp();
    // No Slack here: the messages for Slack cannot go out and keep failing ("no sender").
    await applyAndDecide(t.deps.store, 5, () => t.clock.now().toISOString());
    await t.drainOutbox();
    const admin = await signedIn();
    await admin.get('/admin');
    expect(admin.lastHtml).toContain('Waiting to be sent: <strong>3</strong>');
    expect(admin.lastHtml).toContain('No message has been failing for more than an hour.');

    t.clock.advance(61 * 60_000);
    await t.drainOutbox();
    await admin.get('/admin');
    expect(admin.lastHtml).toContain('Failing for more than an hour: 3');
    expect(admin.lastHtml).toContain('no sender for platform slack');
    const id = /\/admin\/outbox\/([\w-]+)\/retry/.exec(admin.lastHtml)![1]!;

    expect((await admin.post(`/admin/outbox/${id}/retry`, {}, { csrf: 'forged' })).status).toBe(403);
    const before = await t.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(before.attempts).toBeGreaterThan(0);
    await admin.get('/admin');
    const res = await admin.post(`/admin/outbox/${id}/retry`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin?notice=retried');
    const [row] = await audit('outbox.retry');
    expect(row).toMatchObject({ entity: 'outbox', entity_id: id });
    expect(JSON.parse(row!.detail)).toMatchObject({ purpose: before.purpose, platform: 'slack' });
  });
});
