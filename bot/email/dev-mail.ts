/**
 * Without SMTP_URL: each email is kept in memory (the last 50) and shown at /dev/mail in
 * development, so `npm start` works end to end with nothing else. The log says only that an
 * email was "sent" here, never to whom or what it said.
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Mail, MailTransport } from './transport';

const KEEP = 50;

export interface DevMailbox extends MailTransport {
  list(): (Mail & { at: string })[];
}

export function createDevMailbox(log: { info(msg: string, fields?: Record<string, unknown>): void }): DevMailbox {
  const mails: (Mail & { at: string })[] = [];
  return {
    kind: 'log',
    async send(mail) {
      mails.unshift({ ...mail, at: new Date().toISOString() });
      mails.length = Math.min(mails.length, KEEP);
      log.info('email_kept_for_dev_mail', { hint: 'SMTP_URL is not set: see /dev/mail' });
    },
    list: () => mails,
  };
}

/** /dev/mail: the kept emails, newest first, as plain text (nothing in them is interpreted). */
export function devMailRoutes(box: DevMailbox): Hono {
  const app = new Hono();
  app.get('/dev/mail', (c) => {
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    c.header('cache-control', 'no-store');
    const items = box.list().map((m) => html`<article><h2>${m.subject}</h2><p>To ${m.to} · ${m.at}</p><pre>${m.text}</pre></article>`);
    return c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Development mailbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:.75rem;overflow-wrap:anywhere}article{border-bottom:1px solid #ccc}</style></head>
<body><main><h1>Development mailbox</h1><p>SMTP_URL is not set, so emails stay here instead of being sent. Newest first; the last ${KEEP} since the server started.</p>
${items.length ? items : raw('<p>No email yet.</p>')}</main></body></html>`);
  });
  return app;
}
