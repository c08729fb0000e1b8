/**
 * SMTP from Cloudflare Workers through worker-mailer, which speaks SMTP over Workers TCP
 * sockets (`cloudflare:sockets`). Imported only by the Workers entry (server/worker-setup.ts).
 * One connection per email: a Worker invocation is short-lived and keeps no pool.
 */
import { WorkerMailer, LogLevel } from 'worker-mailer';
import { classifySmtpError, type Mail, type MailTransport } from './transport';

/** "Name <addr@host>" or "addr@host" as worker-mailer's { name, email }. */
export function parseAddress(text: string): { name?: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(text);
  const email = m?.[2];
  if (m && email) return { ...(m[1] ? { name: m[1] } : {}), email };
  return { email: text.trim() };
}

export function createWorkerSmtpTransport(opts: { url: string; timeoutMs?: number }): MailTransport {
  const u = new URL(opts.url);
  const secure = u.protocol === 'smtps:';
  const options = {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    startTls: !secure,
    ...(u.username
      ? {
          credentials: { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) },
          authType: ['plain', 'login'] satisfies ('plain' | 'login')[],
        }
      : {}),
    // Its own logging would print the server's answers, which name the recipient.
    logLevel: LogLevel.NONE,
    socketTimeoutMs: opts.timeoutMs ?? 30_000,
    responseTimeoutMs: opts.timeoutMs ?? 30_000,
  };
  return {
    kind: 'smtp',
    async send(mail: Mail) {
      try {
        await WorkerMailer.send(options, {
          from: parseAddress(mail.from),
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'Message-ID': mail.messageId, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
  };
}
