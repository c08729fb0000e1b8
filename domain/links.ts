/**
 * The one rule for a web address the product will show as a link (an FAQ entry's source): it
 * parses as a URL, is http or https, has a host, and contains nothing a chat platform reads as
 * markup (`<`, `>`, `|`, brackets, parentheses, quotes, backslashes, whitespace or control
 * characters). Anything else is not a link, wherever it came from.
 */
const UNSAFE = /[\s<>|[\]()"'`\\\u0000-\u001f\u007f]/;

export const MAX_LINK_LENGTH = 2000;

/** The address as given when it is a safe http(s) link, else null. */
export function safeLinkUrl(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_LINK_LENGTH || UNSAFE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return value;
}
