/**
 * The email channel's own words, kept in one place until they move into the message catalogues
 * (domain/i18n) with their French and Spanish versions.
 */
import type { OutboundMessage } from '../../domain/messages';

export const MAIL_TEXT = {
  linkApply: 'Open your application',
  linkMy: 'See your application',
  fallbackSubject: 'Constructive Dialogues: news about your application',
  footer: 'Constructive Dialogues (UNODC). You receive this email because this address was used to sign in or to apply.',
  subjects: {
    decision_notice: 'Constructive Dialogues: a decision on your application',
    info_request: 'Constructive Dialogues: the reviewers ask for more information',
    confirmation: 'Constructive Dialogues: application received',
    reminder: 'Constructive Dialogues: your application is not sent yet',
    call_opened: 'Constructive Dialogues: applications are open',
    sign_in_code: 'Your sign-in code for the Constructive Dialogues',
  } as Partial<Record<OutboundMessage['purpose'], string>>,
};
