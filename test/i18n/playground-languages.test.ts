import { afterEach, describe, expect, it } from 'vitest';
import { t as tr } from '../../domain/i18n';
import type { Reply } from '../../domain/messages';
import { createTestApp, type TestApp } from '../support/harness';
import { actionsOf, allText, formOf, PlaygroundClient } from '../support/playground-client';
import { englishFragments, leaks } from './english-leaks';

let t: TestApp;
afterEach(async () => t?.close());

async function personLocale(app: TestApp, name: string): Promise<string | null> {
  const row = await app.deps.db
    .selectFrom('identities')
    .innerJoin('people', 'people.id', 'identities.person_id')
    .select(['people.locale'])
    .where('identities.user_id', '=', name)
    .executeTakeFirst();
  return row?.locale ?? null;
}

describe('applicants in French and Spanish in the playground', () => {
  it('has English text to look for (the leak check is not empty)', () => {
    expect(englishFragments('fr').length).toBeGreaterThan(100);
    expect(englishFragments('fr')).toContain('Choose at least one dialogue');
    // The same check finds English where English was written.
    expect(leaks({ kind: 'text', text: tr('en', 'apply.form.alreadyApplied') }, 'fr')).not.toEqual([]);
    expect(leaks([tr('en', 'apply.form.noneToEdit')], 'es')).not.toEqual([]);
  });

  for (const [locale, name, choose, applyWord, statusWord] of [
    ['fr', 'marie', 'langue : français', 'postuler', 'statut'],
    ['es', 'lucia', 'idioma: español', 'solicitar', 'estado'],
  ] as const) {
    it(`${locale}: chooses the language, applies, is decided on, and reads every step, error, notice and date in it`, async () => {
      t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
      // A call the secretariat decides alone: the decision is final and the applicant is told at once.
      await t.deps.db.updateTable('calls').set({ approval_body: 'secretariat' }).execute();
      const me = new PlaygroundClient(t.app, name, 'America/Bogota');
      const read: Reply[] = [];
      const keep = <T extends { replies: Reply[] }>(r: T): T => (read.push(...r.replies), r);

      const chosen = keep(await me.say(choose));
      expect(allText(chosen.replies)).toContain(tr(locale, 'common.language.changed'));
      expect(chosen.locale).toBe(locale);

      const first = keep(await me.say(applyWord));
      const step1 = formOf(first);
      expect(step1.title).toBe(tr(locale, 'form.dialogues.title'));
      expect(step1.locale).toBe(locale);

      // Nothing filled in: the messages are in the applicant's language.
      const empty = keep(await me.submit(step1, {}));
      expect(empty.fieldErrors?.dialogueIds).toBe(tr(locale, 'form.dialogues.error.none'));
      expect(empty.fieldErrors?.participation).toBe(tr(locale, 'form.dialogues.error.participation'));

      // Typed answers in the applicant's language are understood ("En ligne", "Mujer").
      const summary = await me.fillForm(first, {
        representatives: { rep1_gender: tr(locale, 'form.gender.female') },
        organisation: { country: locale === 'fr' ? 'Allemagne' : 'Alemania' },
      });
      read.push({ kind: 'form', form: summary });
      expect(summary.title).toBe(tr(locale, 'form.confirm.title'));
      expect(summary.summary?.map((f) => f.value).join(' ')).toContain(locale === 'fr' ? 'Allemagne' : 'Alemania');

      const done = keep(await me.submit(summary, {}));
      const confirmation = allText(done.replies);
      expect(confirmation).toContain('CD-2023-0001');
      expect(confirmation).toMatch(locale === 'fr' ? /12 février 2023/ : /12 de febrero de 2023/);

      keep(await me.say(statusWord));

      await t.drainOutbox();
      const reviewer = new PlaygroundClient(t.app, 'reviewer');
      const card = (await reviewer.feed()).find((m) => m.purpose === 'review_card')!;
      // Reviewers read their own language (English by default), not the applicant's.
      expect(allText(card.replies)).toMatch(/New application/);
      const actions = actionsOf(card.replies);
      const approve = actions.find((a) => a.id === 'review.approve' && a.value?.endsWith('|firearms'))!;
      const ask = actions.find((a) => a.id === 'review.request_info' && a.value?.endsWith('|technical-assistance'))!;
      await reviewer.click(approve.id, approve.value);
      const prompt = (await reviewer.click(ask.id, ask.value)).replies[0];
      if (prompt?.kind !== 'prompt') throw new Error('no prompt');
      await reviewer.send({
        kind: 'submission',
        formId: prompt.prompt.formId,
        contextId: prompt.prompt.contextId,
        values: { text: 'Please describe your technical assistance work.' },
      });
      await t.drainOutbox();

      const notices = (await me.feed()).filter((m) => m.to === name);
      expect(notices.map((m) => m.purpose).sort()).toEqual(['decision_notice', 'info_request']);
      for (const n of notices) read.push(...n.replies);
      expect(allText(notices.flatMap((n) => n.replies))).toContain(locale === 'fr' ? 'Bonne nouvelle' : 'Buenas noticias');

      // Answering the reviewers, editing and withdrawing: all in the applicant's language.
      const infoButton = actionsOf(notices.flatMap((n) => n.replies)).find((a) => a.id === 'info.answer')!;
      const info = keep(await me.click(infoButton.id, infoButton.value));
      const infoPrompt = info.replies[0];
      if (infoPrompt?.kind !== 'prompt') throw new Error('no prompt');
      expect(infoPrompt.prompt.title).toBe(tr(locale, 'apply.info.title'));
      const tooShort = await me.send({
        kind: 'submission',
        formId: infoPrompt.prompt.formId,
        contextId: infoPrompt.prompt.contextId,
        values: { text: 'ok' },
      });
      expect(tooShort.fieldErrors?.text).toBe(tr(locale, 'apply.info.short'));
      keep(
        await me.send({
          kind: 'submission',
          formId: infoPrompt.prompt.formId,
          contextId: infoPrompt.prompt.contextId,
          values: { text: 'We train paralegals in three provinces.' },
        }),
      );
      const withdraw = keep(await me.say(locale === 'fr' ? 'retirer' : 'retirar'));
      const confirm = actionsOf(withdraw.replies).find((a) => a.id === 'withdraw.confirm')!;
      keep(await me.click(confirm.id, confirm.value));
      keep(await me.say('help'));

      expect(leaks(read, locale)).toEqual([]);
      expect(await personLocale(t, name)).toBe(locale);

      // The choice outlives a restart, and beats the language of an English message.
      t = await t.restart();
      const again = new PlaygroundClient(t.app, name);
      const after = await again.say('what can you do');
      expect(after.locale).toBe(locale);
      expect(
        leaks(
          after.replies.filter((r) => r.kind === 'card'),
          locale,
        ),
      ).toEqual([]);
    });
  }

  it('writes in the language of the message when nothing else is known, and back in English when asked', async () => {
    t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
    const pablo = new PlaygroundClient(t.app, 'pablo');
    await pablo.say('¿Cuál es la fecha límite para presentar la solicitud?');
    expect(await personLocale(t, 'pablo')).toBe('es');
    const form = formOf(await pablo.say('solicitar'));
    expect(form.title).toBe('Diálogos');
    const english = await pablo.say('English please');
    expect(allText(english.replies)).toContain('From now on I will write to you in English.');
    expect(formOf(await pablo.say('apply')).title).toBe('Dialogues');
    expect(formOf(await pablo.say('apply')).fields[1]?.label).toBe('How will you take part?');
  });
});
