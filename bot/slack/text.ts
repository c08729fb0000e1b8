/**
 * Text helpers for Block Kit: Slack rejects a whole message when one string is over its limit,
 * so every string we send goes through `truncate` with the limit of the field it lands in.
 */

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
 * Neutral replies use a little Markdown (**bold**, [label](url)); Slack's mrkdwn spells those
 * `*bold*` and `<url|label>`. Everything else is escaped text.
 */
export function toMrkdwn(s: string): string {
  return escapeMrkdwn(s)
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => `<${url.replace(/&amp;/g, '&')}|${label.replace(/\|/g, '¦')}>`);
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
export const mrkdwn = (text: string, max = 3000) => ({ type: 'mrkdwn' as const, text: truncate(text || ' ', max) });
