/**
 * The outbox worker's view of a platform: deliver one neutral message, or say why not.
 * Each platform adapter (slack/, teams/, playground/) provides one.
 */
import type { OutboundMessage, Recipient, Reply } from '../../domain/messages';

export interface DeliveryRequest {
  recipient: Recipient;
  replies: Reply[];
  purpose: OutboundMessage['purpose'];
  /** For updates: the externalRef returned when the replaced message was delivered. */
  replacesRef: unknown | null;
  /** The outbox row's id: stable across retries (an email's Message-ID is derived from it). */
  outboxId?: string;
}

export interface DeliveryResult {
  /** Where the platform put the message (e.g. Slack channel + ts), kept for later updates. */
  externalRef: unknown | null;
  /** The platform's own id of the message (Teams activity id), stored indexed for exact lookups. */
  externalId?: string | null;
}

export interface Sender {
  deliver(request: DeliveryRequest): Promise<DeliveryResult>;
}

/** A failed delivery. Retryable ones go back to the outbox with backoff (or Retry-After). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
