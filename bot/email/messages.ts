/**
 * The email channel's own words (links, footer, subjects), from the "web" catalogue area, in the
 * recipient's language (English when nothing says which).
 */
import { DEFAULT_LOCALE, t, type Locale, type MessageKey } from '../../domain/i18n';
import type { OutboundMessage } from '../../domain/messages';

const SUBJECTS = new Set(['decision_notice', 'info_request', 'confirmation', 'reminder', 'call_opened', 'sign_in_code']);

export function mailText(locale: Locale = DEFAULT_LOCALE) {
  const m = (key: string) => t(locale, `web.${key}` as MessageKey);
  return {
    linkApply: m('mail.linkApply'),
    linkMy: m('mail.linkMy'),
    fallbackSubject: m('mail.subject.fallback'),
    footer: m('mail.footer'),
    subject: (purpose: OutboundMessage['purpose']): string | undefined => (SUBJECTS.has(purpose) ? m(`mail.subject.${purpose}`) : undefined),
  };
}
