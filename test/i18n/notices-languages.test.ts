/**
 * What reaches people after the conversation — decision notices, the outcome of the States
 * parties' approval, emails and their subjects, sign-in codes, the Teams tab, expired links,
 * a failed Slack submission — is in the reader's language; focal points and reviewers read the
 * reviewers' language.
 */
import { describe, expect, it } from 'vitest';
import { t, type Locale } from '../../domain/i18n';
import { balanceLine } from '../../domain/balance';
import { decisionNotice, reviewCard, roundApprovalNotice, roundNotice } from '../../domain/notifications';
import { reasonMissing, validateReason } from '../../domain/review';
import type { Application, Decision, Dialogue } from '../../domain/types';
import { createEmailSender } from '../../bot/email/sender';
import type { Mail, MailTransport } from '../../bot/email/transport';
import { formToModal } from '../../bot/slack/render-form';
import { formMetadataSchema } from '../../bot/slack/schemas';
import { tabRoutes } from '../../bot/teams/tab';
import { dataLinkRoutes } from '../../bot/teams/data-link';
import type { AdapterHost } from '../../bot/core/host';
import { leaks } from './english-leaks';

const firearms: Dialogue = {
  id: 'firearms',
  name: 'Constructive Dialogue on Firearms',
  shortName: 'Firearms',
  date: '2023-05-05',
  format: 'hybrid',
  location: 'Vienna, Austria, and online',
  description: '',
  status: 'active',
  callNote: null,
  sortOrder: 1,
  translations: {
    fr: {
      name: 'Dialogue constructif sur les armes à feu',
      shortName: 'Armes à feu',
      location: 'Vienne (Autriche) et en ligne',
      description: '',
      callNote: null,
    },
    es: {
      name: 'Diálogo constructivo sobre armas de fuego',
      shortName: 'Armas de fuego',
      location: 'Viena (Austria) y en línea',
      description: '',
      callNote: null,
    },
  },
};
const app: Application = {
  id: 'a1',
  callId: 'cd-2023',
  personId: 'p1',
  platform: 'slack',
  reference: 'CD-2023-0007',
  status: 'submitted',
  answers: {
    dialogueIds: ['firearms'],
    country: 'SN',
    representatives: [{ name: 'Awa', gender: 'female', email: 'awa@example.org', role: 'Coordinatrice', nationality: 'SN' }],
  },
  currentStep: null,
  dialogues: [{ dialogueId: 'firearms', status: 'pending', round: 1 }] as Application['dialogues'],
  createdAt: '2023-01-20T09:00:00Z',
  updatedAt: '2023-01-20T09:00:00Z',
  submittedAt: '2023-01-20T09:00:00Z',
};
const decision = (outcome: Decision['outcome'], reason: string | null): Decision => ({
  id: `d-${outcome}`,
  applicationId: 'a1',
  dialogueId: 'firearms',
  round: 1,
  outcome,
  reason,
  deciderName: 'Reviewer',
  deciderRef: 'playground:reviewer',
  decidedAt: '2023-03-01T09:00:00Z',
});
const NOTICE_AREAS = ['notices', 'rounds', 'web', 'common'] as const;

function mailbox(): { transport: MailTransport; sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    transport: {
      kind: 'log',
      async send(mail) {
        sent.push(mail);
      },
    },
  };
}

describe("notices in the reader's language", () => {
  for (const locale of ['fr', 'es'] as const) {
    const to = { platform: 'slack' as const, kind: 'user' as const, address: 'U1', locale };

    it(`${locale}: decisions, requests for information and the States parties' approval carry no English`, () => {
      const notices = [
        decisionNotice(app, decision('approve', null), [firearms], to, 'unodc-se4u@un.org'),
        decisionNotice(app, decision('reject', null), [firearms], to, 'unodc-se4u@un.org'),
        decisionNotice(app, decision('request_info', 'Merci de préciser vos activités.'), [firearms], to, 'unodc-se4u@un.org'),
        roundApprovalNotice(app, 'firearms', 'states_parties', [firearms], to, 'unodc-se4u@un.org', 'r1'),
      ];
      expect(leaks(notices, locale, NOTICE_AREAS)).toEqual([]);
      expect(JSON.stringify(notices[3])).toContain(firearms.translations![locale]!.name);
    });

    it(`${locale}: an email notice has its subject, links and footer in the recipient's language`, async () => {
      const box = mailbox();
      const sender = createEmailSender({
        transport: box.transport,
        from: 'desk@example.org',
        baseUrl: 'https://desk.example.org',
        messageDomain: 'desk.example.org',
      });
      const notice = decisionNotice(
        app,
        decision('request_info', 'Précisez.'),
        [firearms],
        { platform: 'email', kind: 'user', address: 'awa@example.org', locale },
        'x@un.org',
      );
      await sender.deliver({
        recipient: notice.recipient,
        replies: notice.replies,
        purpose: notice.purpose,
        replacesRef: null,
        outboxId: 'o1',
      });
      const [mail] = box.sent;
      expect(mail!.subject).toBe(t(locale, 'notices.title', { reference: 'CD-2023-0007' }));
      expect(mail!.text).toContain(t(locale, 'web.mail.footer'));
      expect(mail!.text).toContain(t(locale, 'web.mail.linkMy'));
      expect(mail!.html).toContain(`lang="${locale}"`);
      expect(leaks(mail, locale, NOTICE_AREAS)).toEqual([]);
    });

    it(`${locale}: a recipient stored without a language gets the email in the notice's own`, async () => {
      const box = mailbox();
      const sender = createEmailSender({
        transport: box.transport,
        from: 'desk@example.org',
        baseUrl: 'https://desk.example.org',
        messageDomain: 'desk.example.org',
      });
      const notice = decisionNotice(app, decision('request_info', 'Précisez.'), [firearms], to, 'x@un.org');
      await sender.deliver({
        recipient: { platform: 'email', kind: 'user', address: 'awa@example.org' },
        replies: notice.replies,
        purpose: notice.purpose,
        replacesRef: null,
      });
      expect(box.sent[0]!.text).toContain(t(locale, 'web.mail.footer'));
    });
  }

  it("a focal point reads the round notice, its date and the dialogue in the reviewers' language", () => {
    const round = { id: 'r1', closesAt: '2023-03-15T23:00:00Z', zone: 'Europe/Vienna' };
    const fr = roundNotice(
      round,
      'Armes à feu',
      3,
      { id: 'fp1', email: 'fp@mission.example' },
      'https://desk.example.org/admin/objections',
      'fr',
    );
    expect(fr.recipient.locale).toBe('fr');
    expect(leaks(fr, 'fr', NOTICE_AREAS)).toEqual([]);
    expect(JSON.stringify(fr)).toContain('mars');
    const en = roundNotice(round, 'Firearms', 3, { id: 'fp1', email: 'fp@mission.example' }, 'https://desk.example.org/admin/objections');
    expect(JSON.stringify(en)).toContain('March');
  });

  it("reviewer cards write the balance, and the missing-reason prompt, in the channel's language", () => {
    const counts = { gender: { female: 2, male: 3 }, region: { African: 1 } };
    const card = reviewCard(
      app,
      [firearms],
      [],
      'Europe/Vienna',
      { body: 'states_parties', balance: (l: Locale) => [balanceLine(l, 'X', counts, app.answers)] },
      'es',
    );
    expect(JSON.stringify(card)).toContain(JSON.stringify(balanceLine('es', 'X', counts, app.answers)).slice(1, -1));
    expect(leaks(card, 'es', ['review', 'rounds'])).toEqual([]);
    // The UN regional groups by their Spanish names, in the balance and in the country field.
    expect(JSON.stringify(card)).toContain('Estados de África');
    expect(JSON.stringify(card)).not.toContain('African States');
    expect(reasonMissing('reject', 'fr')).toBe(t('fr', 'review.reason.rejectMissing'));
    expect(validateReason('request_info', '', 'es')).toEqual({ ok: false, message: t('es', 'review.reason.infoMissing') });
  });
});

describe("pages and refusals in the reader's language", () => {
  it('the Teams "My application" tab follows the locale Teams puts in its address, else the browser\'s', async () => {
    const routes = tabRoutes({}, async () => null);
    const fr = await (await routes.request('/teams/tab/application?locale=fr-FR')).text();
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain(t('fr', 'tab.intro'));
    expect(leaks(fr, 'fr', ['tab'])).toEqual([]);
    const es = await (await routes.request('/teams/tab/application', { headers: { 'accept-language': 'es-PE,es;q=0.9,en;q=0.5' } })).text();
    expect(es).toContain(t('es', 'tab.title'));
    expect(leaks(es, 'es', ['tab'])).toEqual([]);
  });

  it('an expired "my data" link says so in the browser\'s language', async () => {
    const routes = dataLinkRoutes({} as AdapterHost, { sign: async () => '', verify: async () => null });
    const res = await routes.request('/my-data/download?token=old', { headers: { 'accept-language': 'fr-CH, fr;q=0.9' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(t('fr', 'security.error.dataLinkExpired'));
  });

  it('a Slack modal remembers its language, so a failed submission is explained in it', () => {
    const modal = formToModal({
      formId: 'application',
      stepId: 'organisation',
      draftId: 'draft-1',
      locale: 'es',
      title: 'Solicitud',
      fields: [],
      submitLabel: 'Siguiente',
    } as never) as { private_metadata: string };
    expect(formMetadataSchema.parse(JSON.parse(modal.private_metadata))).toEqual({ draftId: 'draft-1', locale: 'es' });
    // A modal opened before this change (no language in it) still parses, in English.
    expect(formMetadataSchema.parse({ draftId: 'draft-1' })).toEqual({ draftId: 'draft-1' });
    expect(formMetadataSchema.parse({ draftId: 'draft-1', locale: 'xx' })).toEqual({ draftId: 'draft-1' });
  });
});
