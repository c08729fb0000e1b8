/**
 * SMTP on Node through nodemailer. Imported only by the Node entry (server/node-setup.ts):
 * nodemailer needs Node's sockets and TLS, which Workers do not have (see smtp-worker.ts).
 * nodemailer is loaded with the first mail, not at start: a server without SMTP configured,
 * or one that has not sent anything yet, does not keep its ~8 MB resident.
 */
import type { Transporter } from 'nodemailer';
import { classifySmtpError, type Mail, type MailTransport } from './transport';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS). */
  url: string;
  /** Milliseconds for connecting, the greeting, and each answer; a slow server is an outage. */
  timeoutMs?: number;
}

export function createNodemailerTransport(opts: SmtpOptions): MailTransport {
  const timeout = opts.timeoutMs ?? 30_000;
  // The URL inside the options (not as the first argument, where the second would be message
  // defaults): only then do the timeouts apply to the connection.
  let transporter: Promise<Transporter> | null = null;
  const open = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: opts.url,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      } as Parameters<typeof nodemailer.createTransport>[0]),
    ));
  return {
    kind: 'smtp',
    async send(mail: Mail) {
      try {
        await (await open()).sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    async close() {
      (await transporter)?.close();
    },
  };
}
