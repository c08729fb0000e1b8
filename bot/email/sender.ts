/**
 * The outbox worker's email sender: renders the neutral replies, hands them to the transport,
 * and turns the transport's answer into the outbox's terms (a refusal is final and recorded, a
 * deferral or outage is retried with backoff). Logs carry the outbox id, never an address.
 */
import { DeliveryError, type Sender } from '../core/sender';
import { cardLocale, renderEmail } from './render';
import { MailSendError, type MailTransport } from './transport';

export interface EmailSenderOptions {
  transport: MailTransport;
  from: string;
  /** Base of the links in emails (PUBLIC_URL, or the local address). */
  baseUrl: string;
  /** Domain part of Message-IDs. */
  messageDomain: string;
}

export function createEmailSender(opts: EmailSenderOptions): Sender {
  return {
    async deliver(req) {
      if (req.recipient.platform !== 'email' || req.recipient.kind !== 'user') {
        throw new DeliveryError('not an email recipient', false);
      }
      // The words the email adds (links, footer, subject) in the recipient's language, like the notice itself.
      const locale = req.recipient.locale ?? cardLocale(req.replies);
      const rendered = renderEmail(req.purpose, req.replies, { baseUrl: opts.baseUrl, ...(locale ? { locale } : {}) });
      const messageId = `<${req.outboxId ?? crypto.randomUUID()}@${opts.messageDomain}>`;
      try {
        await opts.transport.send({ from: opts.from, to: req.recipient.address, messageId, ...rendered });
      } catch (err) {
        const e = err instanceof MailSendError ? err : new MailSendError('the mail could not be sent', false);
        throw new DeliveryError(`email ${e.reason}`, !e.permanent);
      }
      return { externalRef: { messageId } };
    },
  };
}
