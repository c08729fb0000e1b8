/**
 * A cookie-keeping client for the applicant pages over app.request (no port), reading CSRF
 * tokens and codes the way a person would: from the page and from the email.
 */
import type { TestApp } from '../support/harness';

export interface PageResponse {
  status: number;
  location: string | null;
  html: string;
  setCookies: string[];
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly t: TestApp,
    readonly origin = 'http://127.0.0.1:3000',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
  ): Promise<PageResponse> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...init.headers };
    let body: string | undefined;
    if (init.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      body = p.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin ??= this.origin;
    }
    const res = await this.t.app.request(`${this.origin}${path}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return { status: res.status, location: res.headers.get('location'), html: await res.text(), setCookies };
  }

  get = (path: string) => this.request(path);

  /** Posts a form found on the current page, with its hidden fields (the CSRF token among them). */
  async submit(pageHtml: string, action: string, fields: Record<string, string | string[]>): Promise<PageResponse> {
    return this.request(action, { form: { ...hiddenFields(pageHtml, action), ...fields } });
  }
}

/** The hidden inputs of the first form posting to `action`. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text of a page without tags, for assertions on what a person reads. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The six-digit code in a sign-in email. */
export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error('no code in the email');
  return m[1]!;
}

/** Signs in through the pages and the email, as a person would; returns the signed-in client. */
export async function signIn(
  t: TestApp,
  smtp: { mails: { text?: string | false; subject?: string; to?: unknown }[]; waitFor(n: number): Promise<unknown[]> },
  email: string,
): Promise<WebClient> {
  const web = new WebClient(t);
  const page = await web.get('/apply?again=1');
  const before = smtp.mails.length;
  const asked = await web.submit(page.html, '/apply/sign-in', { email });
  if (asked.status !== 303) throw new Error(`sign-in refused: ${asked.status} ${textOf(asked.html).slice(0, 300)}`);
  await t.drainOutbox();
  await smtp.waitFor(before + 1);
  const mail = smtp.mails.slice(before).find((m) => m.subject?.startsWith('Your sign-in code') && JSON.stringify(m.to).includes(email));
  const code = codeIn(String(mail?.text ?? ''));
  const done = await web.submit((await web.get('/apply/code')).html, '/apply/code', { code });
  if (done.location !== '/my') throw new Error(`code refused: ${done.status}`);
  return web;
}

/** The hidden step id of the form on a page. */
export function stepOf(html: string): string {
  return hiddenFields(html, '/apply/step')._step ?? '';
}

/** Fills every step of the web form with `steps[stepId]` until the summary; returns that page. */
export async function fillWebForm(
  web: WebClient,
  startHtml: string,
  steps: Record<string, Record<string, string | string[]>>,
): Promise<string> {
  let html = startHtml;
  for (let i = 0; i < 12; i++) {
    const step = stepOf(html);
    if (step === 'confirm') return html;
    const res = await web.submit(html, '/apply/step', steps[step] ?? {});
    if (res.status !== 200) throw new Error(`step ${step}: ${res.status} ${textOf(res.html).slice(0, 400)}`);
    html = res.html;
  }
  throw new Error('the form did not reach its summary');
}

/** Presses the card button whose action is `actionId` (each button is its own small form). */
export async function press(web: WebClient, html: string, actionId: string): Promise<PageResponse> {
  for (const m of html.matchAll(/<form method="post" action="\/my\/action">([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const f of m[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[f[1]!] = decode(f[2]!);
    if (fields.id === actionId) return web.request('/my/action', { form: fields });
  }
  throw new Error(`no button ${actionId} on the page`);
}
