import { safeLinkUrl } from '../../../domain/links';

/**
 * Neutral text as inert Adaptive Card / Teams Markdown: shown exactly, never interpreted.
 * TextBlocks, FactSet titles and values, and markdown message activities all run Teams' Markdown
 * subset (bold, italics, lists, links, and in chat messages more), so every metacharacter in a
 * neutral string is backslash-escaped (CommonMark lets any ASCII punctuation be escaped) and the
 * `://` that would let a bare URL become a link is broken. Every renderer passes neutral strings
 * (a person's organisation name or display name, a reviewer's reason, an FAQ answer, and the
 * product sentences they sit in) through this; only the renderer's own markup is formatting.
 */
export function teamsInert(s: string): string {
  return (
    s
      // Emphasis, code, links and images ([…] is what makes `!` and `(` mean anything), HTML.
      .replace(/[\\`*_[\]<>~|]/g, '\\$&')
      // Headings, quotes and list items exist only at the start of a line.
      .replace(/^(\s*)([#+-])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
      // What a client would turn into a link on its own: scheme://… and www.…
      .replace(/:\/\//g, ':\\/\\/')
      .replace(/(www)\./gi, '$1\\.')
  );
}

/** A link to a URL the product checked (http/https, no `<>|` or spaces); anything else is text. */
export function teamsLink(url: string, label: string): string {
  if (safeLinkUrl(url) === null) return teamsInert(label);
  return `[${teamsInert(label)}](${url})`;
}
