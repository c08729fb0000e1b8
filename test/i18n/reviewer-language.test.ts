/**
 * Reviewers read their own language: the channel's setting from the admin panel, else
 * REVIEW_LOCALE, else English; the applicant keeps theirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { t as tr } from '../../domain/i18n';
import { Visitor, createAdminTestApp, type AdminTestApp } from '../admin/support';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, PlaygroundClient } from '../support/playground-client';

let t: TestApp | AdminTestApp;
afterEach(async () => t?.close());

describe("the reviewers' language", () => {
  it('REVIEW_LOCALE writes the cards and the replies to reviewers in Spanish while the applicant reads French', async () => {
    t = await createTestApp({ env: { REVIEW_LOCALE: 'es' }, now: '2023-01-20T09:00:00Z' });
    const claire = new PlaygroundClient(t.app, 'claire');
    await claire.say('langue : français');
    const summary = await claire.fillForm(await claire.say('postuler'));
    await claire.submit(summary, {});
    await t.drainOutbox();

    const reviewer = new PlaygroundClient(t.app, 'reviewer');
    const card = (await reviewer.feed()).find((m) => m.purpose === 'review_card')!;
    expect(allText(card.replies)).toContain(tr('es', 'review.card.new'));
    expect(allText(card.replies)).toContain(tr('es', 'review.field.ecosoc'));
    const reject = actionsOf(card.replies).find((a) => a.id === 'review.reject' && a.value?.endsWith('|firearms'))!;
    expect(reject.label).toBe(tr('es', 'review.card.reject', { dialogue: 'Armas de fuego' }));
    const prompt = (await reviewer.click(reject.id, reject.value)).replies[0];
    if (prompt?.kind !== 'prompt') throw new Error('no prompt');
    expect(prompt.prompt.title).toBe(tr('es', 'review.prompt.rejectTitle'));
    const short = await reviewer.send({
      kind: 'submission',
      formId: prompt.prompt.formId,
      contextId: prompt.prompt.contextId,
      values: { text: 'no' },
    });
    expect(short.fieldErrors?.text).toBe(tr('es', 'review.reason.short', { min: 5 }));
    const done = await reviewer.send({
      kind: 'submission',
      formId: prompt.prompt.formId,
      contextId: prompt.prompt.contextId,
      values: { text: 'Plazas limitadas para este diálogo.' },
    });
    expect(allText(done.replies)).toMatch(/^Hecho: ha rechazado CD-2023-0001/);

    await t.drainOutbox();
    const notice = (await claire.feed()).find((m) => m.purpose === 'decision_notice')!;
    expect(allText(notice.replies)).toContain('n’a pas été approuvée');
    expect(allText(notice.replies)).toContain('Plazas limitadas para este diálogo.');
  });

  it("the admin panel sets a channel's language, checked and audited, and the store gives it to the engine", async () => {
    const admin = await createAdminTestApp();
    t = admin;
    const v = new Visitor(admin.web);
    await v.signIn();
    await v.get('/admin/channels/edit?call=&platform=slack');
    expect(v.lastHtml).toContain('Français');
    const bad = await v.post('/admin/channels/edit', {
      call_id: '',
      platform: 'slack',
      conversation: '',
      address: 'C0REVIEW',
      locale: 'de',
    });
    expect(bad.status).toBe(400);
    expect(await admin.deps.store.reviewChannel('cd-2023-firearms-ta', 'slack')).toBeNull();
    expect(
      (await v.post('/admin/channels/edit', { call_id: '', platform: 'slack', conversation: '', address: 'C0REVIEW', locale: 'fr' }))
        .status,
    ).toBe(303);
    expect(await admin.deps.store.reviewChannelLocale('cd-2023-firearms-ta', 'slack')).toBe('fr');
    await v.get('/admin/channels');
    expect(v.lastHtml).toContain('Français');
    const audit = await admin.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'channel.set')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ address: 'C0REVIEW', locale: 'fr' });
  });
});
