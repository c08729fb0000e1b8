/**
 * Email as a channel: an outbox Sender for recipients of platform "email", through the
 * transport the runtime provides (SMTP via nodemailer on Node, worker-mailer on Workers), or the
 * development mailbox at /dev/mail when SMTP_URL is not set.
 */
import type { Hono } from 'hono';
import type { AppDeps } from '../../server/deps';
import type { PlatformAdapter } from '../core/adapter';
import { createDevMailbox, devMailRoutes } from './dev-mail';
import { createEmailSender } from './sender';
import type { MailTransport } from './transport';

/** Where links in emails point: the public address, else the local one. */
export function publicBase(deps: AppDeps): string {
  const base = deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`;
  return base.replace(/\/+$/, '');
}

/**
 * `smtp` builds the runtime's SMTP transport from SMTP_URL; without SMTP_URL mail stays in the
 * development mailbox (and /dev/mail shows it outside production).
 */
export function createEmailAdapter(deps: AppDeps, smtp: (url: string) => MailTransport): PlatformAdapter {
  const { config } = deps;
  let transport: MailTransport;
  let routes: Hono | undefined;
  if (config.SMTP_URL) {
    transport = smtp(config.SMTP_URL);
  } else {
    const box = createDevMailbox(deps.log);
    transport = box;
    if (config.NODE_ENV !== 'production') routes = devMailRoutes(box);
    else deps.log.warn('email_not_configured', { hint: 'set SMTP_URL and MAIL_FROM: sign-in codes and notices cannot reach anyone' });
  }
  const base = publicBase(deps);
  return {
    platform: 'email',
    ...(routes ? { routes } : {}),
    sender: createEmailSender({
      transport,
      from: config.MAIL_FROM ?? 'Dialogue Desk <dialogues@localhost>',
      baseUrl: base,
      messageDomain: new URL(base).hostname || 'localhost',
    }),
    isReviewer: async () => false,
    stop: async () => { await transport.close?.(); },
  };
}
