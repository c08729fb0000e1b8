/**
 * The email channel's own words (links, footer, subjects), from the "web" catalogue area, in the
 * recipient's language (English when nothing says which).
 */
import { DEFAULT_LOCALE, t, type AreaKey, type Locale } from '../../domain/i18n';
import type { OutboundMessage } from '../../domain/messages';

const SUBJECTS = ['decision_notice', 'info_request', 'confirmation', 'reminder', 'call_opened', 'sign_in_code'] as const;
const hasSubject = (purpose: string): purpose is (typeof SUBJECTS)[number] => (SUBJECTS as readonly string[]).includes(purpose);

export function mailText(locale: Locale = DEFAULT_LOCALE) {
  const m = (key: AreaKey<'web'>) => t(locale, `web.${key}`);
  return {
    linkApply: m('mail.linkApply'),
    linkMy: m('mail.linkMy'),
    fallbackSubject: m('mail.subject.fallback'),
    footer: m('mail.footer'),
    subject: (purpose: OutboundMessage['purpose']): string | undefined => (hasSubject(purpose) ? m(`mail.subject.${purpose}`) : undefined),
  };
}
