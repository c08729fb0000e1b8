/**
 * Text helpers for Block Kit: Slack rejects a whole message when one string is over its limit,
 * so every string we send goes through `truncate` with the limit of the field it lands in.
 */
import { safeLinkUrl } from '../../domain/links';

/**
 * Cuts `s` to at most `max` UTF-16 units with an ellipsis, never splitting a surrogate pair and
 * never leaving half of a `<...>` link or mention (Slack would show it raw or reject it).
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const open = s.lastIndexOf('<', cut - 1);
  if (open !== -1 && s.indexOf('>', open) >= cut) cut = open;
  return `${s.slice(0, cut).trimEnd()}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Neutral text (a person's organisation name, a reviewer's reason, an FAQ answer, and the
 * product's sentences they sit in) as inert mrkdwn: shown exactly, never interpreted. `& < >` are
 * escaped, so no `<url|label>` link, `<@U…>` mention or `<!channel>` can be formed; nothing is
 * converted from Markdown. Slack has no escape for `* _ ~ \``, so a zero-width space goes before
 * each: the character shows, but no longer opens or closes bold, italics, strike or code. The
 * text objects also carry `verbatim: true` (see `mrkdwn`), so bare URLs and #names stay text.
 * Every renderer passes neutral strings through this; only the renderer's own markup
 * (`*label*`, a source link built from a checked URL) is formatting.
 */
export function slackInert(s: string): string {
  return escapeMrkdwn(s).replace(/[*_~`]/g, '\u200B$&');
}

/** A link Slack will show as `label`, for a URL the product checked (http/https, no `<>|` or spaces). */
export function slackLink(url: string, label: string): string {
  if (safeLinkUrl(url) === null) return slackInert(label);
  return `<${url.replace(/&/g, '&amp;')}|${slackInert(label)}>`;
}

/** Splits long text into chunks of at most `max`, preferring paragraph and line breaks. */
export function splitText(s: string, max: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n\n', max);
    if (at < max / 2) at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    const code = rest.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at -= 1;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^\s+/, '');
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

export const plain = (text: string, max = 3000) => ({ type: 'plain_text' as const, text: truncate(text || ' ', max), emoji: true });
/** A mrkdwn text object; `verbatim` stops Slack from turning bare URLs and #names into links. */
export const mrkdwn = (text: string, max = 3000) => ({ type: 'mrkdwn' as const, text: truncate(text || ' ', max), verbatim: true });
