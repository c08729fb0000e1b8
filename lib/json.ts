/**
 * JSON from outside (a platform's payload, a value we put in a button or a modal and got back, a
 * cursor in a URL): every inbound parse goes through here. Refused when any string in it is not
 * well-formed UTF-16 (a lone surrogate, which JSON's \u escapes allow): such a string cannot be
 * URL-encoded, stored as UTF-8 or sent back, so it is a bad request at the door rather than an
 * error later. Never throws.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A lone surrogate can only get into a parsed string through a \uD800-\uDFFF escape (decoded
// UTF-8 never holds one), so text without such an escape takes the plain, fast parse.
const surrogateEscape = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

export function parseInboundJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!surrogateEscape.test(text)) {
    try {
      return { ok: true, value: JSON.parse(text) };
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

/** The parsed value, or undefined when the text is missing, not JSON or not well-formed. */
export function inboundJsonOrUndefined(text: string | null | undefined): unknown {
  if (!text) return undefined;
  const r = parseInboundJson(text);
  return r.ok ? r.value : undefined;
}

/**
 * For JSON a library parsed before we saw it (Socket Mode envelopes): the same guard, applied
 * through the text JSON.stringify writes, which escapes a lone surrogate rather than dropping it.
 */
export function isWellFormedJson(value: unknown): boolean {
  const text = JSON.stringify(value);
  return text === undefined || parseInboundJson(text).ok;
}
