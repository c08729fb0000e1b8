/**
 * Neutral replies as an email: a subject, a plain-text body and an HTML body saying the same.
 * Everything a person typed is escaped in the HTML and never turned into a link; buttons become
 * links to the applicant pages, since an email cannot carry actions.
 */
import type { OutboundMessage, Reply } from '../../domain/messages';
import type { Locale } from '../../domain/i18n';
import { mailText } from './messages';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailRenderOptions {
  /** Where the applicant pages are, e.g. https://dialogues.example.org (no trailing slash). */
  baseUrl: string;
  locale?: Locale;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Card buttons as the page they lead to. */
function linkFor(actionId: string, baseUrl: string, words: ReturnType<typeof mailText>): { url: string; label: string } {
  if (actionId === 'apply' || actionId === 'resume') return { url: `${baseUrl}/apply`, label: words.linkApply };
  return { url: `${baseUrl}/my`, label: words.linkMy };
}

/** A header value: one line, no control characters, bounded. */
function subjectLine(s: string, fallback: string): string {
  return (
    s
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .slice(0, 200) || fallback
  );
}

/** The language a notice says it is written in, for recipients stored without one. */
export function cardLocale(replies: Reply[]): Locale | undefined {
  for (const r of replies) {
    if (r.kind === 'card' && r.card.locale) return r.card.locale;
    if (r.kind === 'text' && r.locale) return r.locale;
  }
  return undefined;
}

export function renderEmail(purpose: OutboundMessage['purpose'], replies: Reply[], opts: EmailRenderOptions): RenderedEmail {
  const words = mailText(opts.locale);
  const text: string[] = [];
  const html: string[] = [];
  const links = new Map<string, string>();
  let title: string | undefined;
  for (const r of replies) {
    if (r.kind === 'text') {
      text.push(r.text);
      html.push(`<p style="white-space:pre-wrap">${escapeHtml(r.text)}</p>`);
    } else if (r.kind === 'card') {
      const c = r.card;
      title ??= c.title;
      text.push([c.title, c.subtitle, c.text].filter(Boolean).join('\n'));
      html.push(`<h1 style="font-size:20px">${escapeHtml(c.title)}</h1>`);
      if (c.subtitle) html.push(`<p><strong>${escapeHtml(c.subtitle)}</strong></p>`);
      if (c.text) html.push(`<p style="white-space:pre-wrap">${escapeHtml(c.text)}</p>`);
      if (c.fields?.length) {
        text.push(c.fields.map((f) => `${f.label}: ${f.value}`).join('\n'));
        html.push(
          `<dl>${c.fields.map((f) => `<dt><strong>${escapeHtml(f.label)}</strong></dt><dd style="white-space:pre-wrap">${escapeHtml(f.value)}</dd>`).join('')}</dl>`,
        );
      }
      for (const a of c.actions ?? []) {
        const link = linkFor(a.id, opts.baseUrl, words);
        links.set(link.url, link.label);
      }
      if (c.footer) {
        text.push(c.footer);
        html.push(`<p style="color:#555">${escapeHtml(c.footer)}</p>`);
      }
    } else if (r.kind === 'form' || r.kind === 'prompt') {
      const link = linkFor(r.kind === 'form' ? 'resume' : 'status', opts.baseUrl, words);
      links.set(link.url, link.label);
    }
  }
  for (const [url, label] of links) {
    text.push(`${label}: ${url}`);
    html.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`);
  }
  text.push(words.footer);
  html.push(`<p style="color:#555;font-size:13px">${escapeHtml(words.footer)}</p>`);
  return {
    subject: subjectLine(title ?? words.subject(purpose) ?? words.fallbackSubject, words.fallbackSubject),
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${opts.locale ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subjectLine(title ?? words.fallbackSubject, words.fallbackSubject))}</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1a1a1a">${html.join('\n')}</body></html>`,
  };
}
