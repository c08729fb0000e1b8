/**
 * The email channel against a real SMTP server on loopback: what arrives (parsed by mailparser),
 * and how refusals, deferrals and silence become outbox outcomes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createNodemailerTransport } from '../../bot/email/smtp-node';
import { createEmailSender } from '../../bot/email/sender';
import { DeliveryError } from '../../bot/core/sender';
import { startSmtp, type TestSmtp } from '../support/smtp';

let smtp: TestSmtp | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

function sender(url: string, timeoutMs = 2000) {
  return createEmailSender({
    transport: createNodemailerTransport({ url, timeoutMs }),
    from: 'Dialogue Desk <dialogues@example.org>',
    baseUrl: 'https://dialogues.example.org',
    messageDomain: 'dialogues.example.org',
  });
}

const decision = {
  recipient: { platform: 'email' as const, kind: 'user' as const, address: 'ana@ngo.example' },
  purpose: 'info_request' as const,
  replacesRef: null,
  outboxId: 'row-1',
  replies: [
    {
      kind: 'card' as const,
      card: {
        title: 'Application CD-2023-0007',
        text: 'The reviewers ask: <b>Which</b> countries do you work in?',
        actions: [{ id: 'info.answer', label: 'Answer', value: 'app-1' }],
      },
    },
  ],
};

describe('email through SMTP', () => {
  it('arrives with subject, plain text and HTML, the reference, and a link instead of a button', async () => {
    smtp = await startSmtp();
    const result = await sender(smtp.url).deliver(decision);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Application CD-2023-0007');
    expect(mail!.from?.value).toEqual([{ name: 'Dialogue Desk', address: 'dialogues@example.org' }]);
    expect(mail!.to && 'value' in mail!.to ? mail!.to.value.map((a) => a.address) : []).toEqual(['ana@ngo.example']);
    expect(mail!.messageId).toBe('<row-1@dialogues.example.org>');
    expect(mail!.text).toContain('The reviewers ask: <b>Which</b> countries do you work in?');
    expect(mail!.text).toContain('https://dialogues.example.org/my');
    // What the reviewer typed is shown as text in the HTML, never as markup.
    expect(mail!.html).toContain('&lt;b&gt;Which&lt;/b&gt;');
    expect(mail!.html).not.toContain('<b>Which');
    expect(result.externalRef).toEqual({ messageId: '<row-1@dialogues.example.org>' });
  });

  it('a refused recipient is a final failure whose reason names the code, not the address', async () => {
    smtp = await startSmtp('refuse');
    const err = await sender(smtp.url)
      .deliver(decision)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).retryable).toBe(false);
    expect((err as DeliveryError).message).toMatch(/refused by the mail server \(550 5\.1\.1\)/);
    expect((err as DeliveryError).message).not.toContain('ana@');
  });

  it('a deferral (451) is retried', async () => {
    smtp = await startSmtp({ deferTimes: 1 });
    const err = await sender(smtp.url)
      .deliver(decision)
      .catch((e: unknown) => e);
    expect((err as DeliveryError).retryable).toBe(true);
    expect((err as DeliveryError).message).toMatch(/451/);
    await sender(smtp.url).deliver(decision);
    expect(await smtp.waitFor(1)).toHaveLength(1);
  });

  it('a server that never answers times out and is retried', async () => {
    smtp = await startSmtp('silent');
    const started = Date.now();
    const err = await sender(smtp.url, 300)
      .deliver(decision)
      .catch((e: unknown) => e);
    expect((err as DeliveryError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('wrong credentials are retried (a configuration problem, not a refusal of the mail)', async () => {
    smtp = await startSmtp();
    const url = smtp.url.replace('s3cret', 'wrong');
    const err = await sender(url)
      .deliver(decision)
      .catch((e: unknown) => e);
    expect((err as DeliveryError).retryable).toBe(true);
    expect((err as DeliveryError).message).toContain('credentials');
    expect((err as DeliveryError).message).not.toContain('wrong');
  });
});
