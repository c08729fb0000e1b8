/**
 * The public privacy notice at /privacy: no sign-in, no script, in the browser's language. What
 * it lists comes from the form and the export (domain/privacy-notice.ts); who to write to from the
 * settings; each current call's erasure dates from the retention plan the retention job follows.
 * Mounted whether or not the applicant pages are on: the Teams app package links to it.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import * as z from 'zod';
import type { Clock } from '../../domain/clock';
import { direction, localeFromAcceptLanguage, t, type Locale, type MessageKey } from '../../domain/i18n';
import type { Store } from '../../domain/ports';
import { collectedData, retentionLines, type RetentionSchedule } from '../../domain/privacy-notice';

export interface NoticeDeps {
  store: Pick<Store, 'listCalls' | 'getSetting'>;
  clock: Clock;
  retention: RetentionSchedule;
  /** Where a person can ask for their data: the chat platforms that are on, and /my when the web pages are. */
  surfaces: { slack: boolean; teams: boolean; web: boolean };
  /** Shown as the address of /my when set. */
  publicUrl?: string;
}

type Html = ReturnType<typeof html>;

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57a4}h2{margin-top:2rem}h3{margin-bottom:.25rem}';

// The one inline stylesheet is allowed by its hash, so the policy needs no 'unsafe-inline'.
let styleHash: Promise<string> | undefined;
function hashOfStyle(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(STYLE))
    .then((d) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(d)))}'`);
  return styleHash;
}

// A link stands where its placeholder is in the translated sentence: the message is formatted
// with a marker in the placeholder's place, then split around it, every other part escaped.
const MARK = (i: number) => `\uE000${i}\uE001`;
function linked(l: Locale, key: MessageKey, values: Record<string, string | number>, links: Record<string, Html>): Html[] {
  const names = Object.keys(links);
  const marked = { ...values, ...Object.fromEntries(names.map((n, i) => [n, MARK(i)])) };
  return t(l, key, marked)
    .split(/\uE000(\d+)\uE001/)
    .map((part, i) => (i % 2 ? (links[names[Number(part)] ?? ''] ?? html``) : html`${part}`));
}

const email = z.email();

async function render(c: Context, deps: NoticeDeps): Promise<Html> {
  const l = localeFromAcceptLanguage(c.req.header('accept-language'));
  const [calls, plan, contactSetting] = await Promise.all([
    deps.store.listCalls(),
    deps.retention.plan(),
    deps.store.getSetting<string>('contact_email'),
  ]);
  const now = deps.clock.now();
  const current = calls.filter((call) => !call.archived);
  const contact = email.safeParse(contactSetting);
  const contactLink = contact.success ? { contact: html`<a href="mailto:${contact.data}">${contact.data}</a>` } : null;
  const { slack, teams, web } = deps.surfaces;
  const chat = slack || teams;
  const myUrl = `${deps.publicUrl?.replace(/\/+$/, '') ?? ''}/my`;
  const button = t(l, 'privacy.menu.title');
  const rounds = current.flatMap((call) =>
    call.approvalBody && call.approvalBody !== 'secretariat' ? [{ body: call.approvalBody, call: call.title }] : [],
  );
  const retention = retentionLines(current, plan, now, l);
  const group = (title: string, items: string[], why: string) =>
    html`<h3>${title}</h3><ul>${items.map((i) => html`<li>${i}</li>`)}</ul><p>${why}</p>`;

  return html`<!doctype html>
<html lang="${l}" dir="${direction(l)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t(l, 'notice.title')}</title><style>${STYLE}</style></head>
<body><main>
<h1>${t(l, 'notice.title')}</h1>
<p>${t(l, 'notice.lead')}</p>
<h2>${t(l, 'notice.who.title')}</h2>
<p>${contactLink ? linked(l, 'notice.who.contact', {}, contactLink) : t(l, 'notice.who.noContact')}</p>
<h2>${t(l, 'notice.collect.title')}</h2>
<p>${t(l, 'notice.collect.intro')}</p>
${collectedData(l).map((g) => group(g.title, g.items, g.why))}
${
  web
    ? group(
        t(l, 'notice.kind.signIn'),
        [t(l, 'notice.item.signIn.email'), t(l, 'notice.item.signIn.client')],
        t(l, 'notice.why.label', { why: t(l, 'notice.why.signIn') }),
      )
    : ''
}
<h2>${t(l, 'notice.sees.title')}</h2>
<ul>
<li>${t(l, 'notice.sees.panel')}</li>
${chat ? html`<li>${t(l, 'notice.sees.channels')}</li>` : ''}
${rounds.map((r) => html`<li>${t(l, 'notice.sees.round', r)}</li>`)}
${chat ? html`<li>${t(l, 'notice.sees.questions')}</li>` : ''}
</ul>
<p>${t(l, 'notice.sees.nobody')}</p>
<h2>${t(l, 'notice.stored.title')}</h2>
<p>${t(l, 'notice.stored.database')}</p>
${chat ? html`<p>${t(l, 'notice.stored.platforms', { platforms: slack && teams ? 'both' : slack ? 'slack' : 'teams' })}</p>` : ''}
<h2>${t(l, 'notice.retention.title')}</h2>
<p>${t(l, 'notice.retention.rule', { days: deps.retention.draftDaysAfterClose })}</p>
${
  retention.length
    ? html`<ul>${retention.map((r) => html`<li>${r.applications}</li><li>${r.drafts}</li>`)}</ul>`
    : html`<p>${t(l, 'notice.retention.none')}</p>`
}
<p>${t(l, 'notice.retention.people')}</p>
<h2>${t(l, 'notice.rights.title')}</h2>
<p>${t(l, 'notice.rights.intro')}</p>
<ul>
${slack ? html`<li>${t(l, 'notice.rights.slack', { button })}</li>` : ''}
${teams ? html`<li>${t(l, 'notice.rights.teams')}</li>` : ''}
${web ? html`<li>${linked(l, 'notice.rights.web', { button }, { my: html`<a href="/my">${myUrl}</a>` })}</li>` : ''}
<li>${contactLink ? linked(l, 'notice.rights.contact', {}, contactLink) : t(l, 'notice.rights.noContact')}</li>
</ul>
<p>${t(l, 'notice.rights.correct')}</p>
<p>${t(l, 'notice.rights.delete')}</p>
<h2>${t(l, 'notice.kept.title')}</h2>
<p>${t(l, 'privacy.delete.kept')}</p>
</main></body>
</html>`;
}

export function createPrivacyNotice(deps: NoticeDeps): Hono {
  const app = new Hono();
  app.get('/privacy', async (c) => {
    const body = await render(c, deps);
    c.header(
      'content-security-policy',
      `default-src 'none'; style-src ${await hashOfStyle()}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    );
    c.header('vary', 'accept-language');
    c.header('cache-control', 'no-cache');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    return c.html(body);
  });
  return app;
}
