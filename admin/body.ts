import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * The posted form, or a 400: a body that does not parse as its content type says (a broken
 * multipart, say) is the sender's mistake, not a server error. Hono caches the parsed body,
 * so reading it again for the CSRF check costs nothing.
 */
export async function parseFormBody(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    throw new HTTPException(400, { message: 'The form could not be read. Please reload the page and try again.' });
  }
}
