/**
 * The port every mail transport fills: nodemailer over SMTP on Node, worker-mailer over Workers
 * sockets, or the development mailbox. Transports say whether a failure is worth retrying.
 */

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Ours, stable per outbox row: a resend after a crash carries the same Message-ID. */
  messageId: string;
}

export interface MailTransport {
  /** Where mail goes, for the start-up log line: never credentials, never an address. */
  readonly kind: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A send that did not work. `permanent` is a refusal (a 5xx answer to the sender or recipient):
 * sending again would be refused again. Everything else (4xx, no connection, timeout) is retried.
 * `reason` never holds the server's text, which often repeats the recipient's address.
 */
export class MailSendError extends Error {
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
    this.name = 'MailSendError';
  }
}

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * Reads an SMTP client's error: its reply code when it has one (`responseCode` in nodemailer,
 * the first three digits of the message otherwise), its enhanced status code, and its error code.
 */
export function classifySmtpError(err: unknown): MailSendError {
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown };
  const text = `${typeof e.response === 'string' ? e.response : ''} ${typeof e.message === 'string' ? e.message : ''}`;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : Number(/\b([245]\d\d)[\s-]/.exec(text)?.[1] ?? NaN);
  const enhanced = ENHANCED.exec(text)?.[0];
  const code = typeof e.code === 'string' && /^[A-Z_]{2,20}$/.test(e.code) ? e.code : undefined;
  if (reply >= 500 && reply < 600 && code !== 'EAUTH') {
    return new MailSendError(`refused by the mail server (${[reply, enhanced].filter(Boolean).join(' ')})`, true);
  }
  if (reply >= 400 && reply < 500)
    return new MailSendError(`deferred by the mail server (${[reply, enhanced].filter(Boolean).join(' ')})`, false);
  if (code === 'EAUTH') return new MailSendError('the mail server refused the SMTP_URL credentials', false);
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(text)) return new MailSendError('the mail server did not answer in time', false);
  return new MailSendError(`the mail server could not be reached${code ? ` (${code})` : ''}`, false);
}
