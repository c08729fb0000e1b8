/**
 * JSON from a platform, refused when any string in it is not well-formed UTF-16 (a lone
 * surrogate, which JSON's \u escapes allow): such a string cannot be URL-encoded, stored as
 * UTF-8 or sent back, so it is a bad request at the door rather than an error later.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A lone surrogate can only get into a parsed string through a \uD800-\uDFFF escape (decoded
// UTF-8 never holds one), so text without such an escape takes the plain, fast parse.
const surrogateEscape = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

export function parsePlatformJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!surrogateEscape.test(text)) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }
  try {
    const value: unknown = JSON.parse(text, (key, v) => {
      if (loneSurrogate.test(key) || (typeof v === 'string' && loneSurrogate.test(v))) throw new SyntaxError('not well-formed');
      return v;
    });
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}
