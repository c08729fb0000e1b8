/**
 * Every step of the form, with every error, as Slack modals, Adaptive Cards and the playground
 * text: in French and Spanish nothing English is left, and Slack's 24-character limits hold in
 * every language (a longer title or button makes views.open fail).
 */
import { describe, expect, it } from 'vitest';
import { CONFIRM_STEP_ID, formView, STEPS, type FormContext } from '../../domain/form';
import { LOCALES, t, type Locale } from '../../domain/i18n';
import { describeDeadline } from '../../domain/calls';
import { draftReminder, callOpenedNotice } from '../../domain/notifications';
import type { ApplicationAnswers, Call, Dialogue, Application } from '../../domain/types';
import { formToModal, promptToModal } from '../../bot/slack/render-form';
import { renderMessages } from '../../bot/slack/render';
import { formToAdaptiveCard } from '../../bot/teams/render/form';
import { repliesToCard } from '../../bot/teams/render/replies';
import { leaks } from './english-leaks';

const dialogue = (id: string, shortName: string, sortOrder: number): Dialogue => ({
  id,
  name: `Constructive Dialogue on ${shortName}`,
  shortName,
  date: '2023-05-05',
  format: 'hybrid',
  location: 'Vienna, Austria, and online',
  description: '',
  status: 'active',
  callNote: null,
  sortOrder,
});
const dialogues = [dialogue('firearms', 'Firearms', 1), dialogue('technical-assistance', 'Technical Assistance', 2)];
const call: Call = {
  id: 'cd-2023',
  title: 'Call 2023',
  referencePrefix: 'CD-2023',
  dialogueIds: ['firearms', 'technical-assistance'],
  opensAt: '2023-01-05T08:00:00Z',
  closesAt: '2023-02-12T23:00:00Z',
  zone: 'Europe/Vienna',
  archived: false,
};
const answers: Partial<ApplicationAnswers> = {
  dialogueIds: ['firearms', 'technical-assistance'],
  participation: 'in_person',
  organisationName: 'Red de Mujeres',
  stakeholderType: 'ngo',
  organisationFocus: 'grassroots',
  country: 'PE',
  website: 'https://example.org/',
  areasOfWork: 'Prevención de la violencia armada.',
  relevance: { firearms: 'Trabajo de campo.', 'technical-assistance': 'Capacitación.' },
  representatives: [{ name: 'Ana', gender: 'female', email: 'ana@example.org', role: 'Directora', nationality: 'PE' }],
  travelSupport: true,
  travelJustification: 'Organización de voluntarias sin presupuesto.',
  consent: true,
};

describe('the form in every language', () => {
  for (const locale of LOCALES) {
    const ctx: FormContext = { dialogues, calls: [call], now: new Date('2023-01-20T10:00:00Z'), callId: 'cd-2023', locale };
    it(`${locale}: every step, empty and with its errors, fits Slack and Teams${locale === 'en' ? '' : ' and has no English left'}`, () => {
      for (const stepId of [...STEPS.map((s) => s.id), CONFIRM_STEP_ID]) {
        const step = STEPS.find((s) => s.id === stepId);
        const errors = step ? ((step.parse({}, answers, ctx) as { errors?: Record<string, string> }).errors ?? {}) : {};
        const form = formView(stepId, 'draft-1', answers, ctx, { raw: {}, errors });
        expect(form.locale).toBe(locale);
        const modal = formToModal(form) as { title: { text: string }; submit: { text: string }; close: { text: string } };
        for (const part of [modal.title, modal.submit, modal.close])
          expect(part.text.length, `${stepId} ${part.text}`).toBeLessThanOrEqual(24);
        const card = formToAdaptiveCard(form);
        const rendered = [form, modal, card, renderMessages([{ kind: 'form', form }])];
        if (locale !== 'en') expect(leaks(rendered, locale), stepId).toEqual([]);
      }
      const prompt = promptToModal({
        formId: 'info.answer',
        contextId: 'a1',
        locale,
        title: t(locale, 'apply.info.title'),
        label: t(locale, 'apply.info.label', { reference: 'CD-2023-0001' }),
        submitLabel: t(locale, 'apply.info.send'),
        maxLength: 3000,
      }) as { title: { text: string }; submit: { text: string }; close: { text: string } };
      for (const part of [prompt.submit, prompt.close]) expect(part.text.length).toBeLessThanOrEqual(24);
      for (const title of ['review.prompt.rejectTitle', 'review.prompt.infoTitle', 'apply.info.title'] as const)
        expect(t(locale, title).length, title).toBeLessThanOrEqual(24);
    });

    if (locale === 'en') continue;
    it(`${locale}: reminders, call-opened notices, deadlines and text with sources carry no English`, () => {
      const to = { platform: 'slack' as const, kind: 'user' as const, address: 'U1', locale };
      const app = { id: 'a1', reference: null } as unknown as Application;
      const notices = [
        draftReminder(app, call, 1, to, '1d'),
        draftReminder(app, call, 7, to, '7d'),
        callOpenedNotice('s1', dialogues[0]!, call, to),
      ];
      const deadlines = ['2023-01-20T10:00:00Z', '2023-02-12T20:30:00Z', '2023-02-13T10:00:00Z', '2023-01-01T10:00:00Z'].map(
        (now) => describeDeadline(call, new Date(now), 'Asia/Manila', locale as Locale).sentence,
      );
      const text = {
        kind: 'text' as const,
        text: deadlines.join(' '),
        sources: [{ label: 'FAQ', quote: null, url: 'https://example.org' }],
        locale,
      };
      const rendered = [
        notices.map((n) => [n.replies, renderMessages(n.replies), repliesToCard(n.replies)]),
        renderMessages([text]),
        repliesToCard([text]),
      ];
      expect(leaks(rendered, locale)).toEqual([]);
      expect(deadlines.join(' ')).not.toMatch(/February|days left|closes in/);
    });
  }
});
