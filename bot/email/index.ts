/**
 * Email as a channel: an outbox Sender for recipients of platform "email", through the
 * transport the runtime provides (SMTP via nodemailer on Node, worker-mailer on Workers), or the
 * development mailbox at /dev/mail when SMTP_URL is not set.
 */
import type { Hono } from 'hono';
import type { Logger } from '../core/host';
import type { PlatformAdapter } from '../core/adapter';
import { createDevMailbox, devMailRoutes } from './dev-mail';
import { createEmailSender } from './sender';
import type { MailTransport } from './transport';

export interface EmailSettings {
  /** SMTP_URL; without it mail stays in the development mailbox. */
  smtpUrl?: string;
  /** MAIL_FROM. */
  from?: string;
  /** Where links in emails point: the public address, else the local one. */
  baseUrl: string;
  /** /dev/mail shows the development mailbox outside production only. */
  production: boolean;
}

/**
 * `smtp` builds the runtime's SMTP transport from SMTP_URL; without SMTP_URL mail stays in the
 * development mailbox (and /dev/mail shows it outside production).
 */
export function createEmailAdapter(deps: { log: Logger }, settings: EmailSettings, smtp: (url: string) => MailTransport): PlatformAdapter {
  let transport: MailTransport;
  let routes: Hono | undefined;
  if (settings.smtpUrl) {
    transport = smtp(settings.smtpUrl);
  } else {
    const box = createDevMailbox(deps.log);
    transport = box;
    if (!settings.production) routes = devMailRoutes(box);
    else deps.log.warn('email_not_configured', { hint: 'set SMTP_URL and MAIL_FROM: sign-in codes and notices cannot reach anyone' });
  }
  const base = settings.baseUrl;
  return {
    platform: 'email',
    ...(routes ? { routes } : {}),
    sender: createEmailSender({
      transport,
      from: settings.from ?? 'Dialogue Desk <dialogues@localhost>',
      baseUrl: base,
      messageDomain: new URL(base).hostname || 'localhost',
    }),
    isReviewer: async () => false,
    stop: async () => {
      await transport.close?.();
    },
  };
}
