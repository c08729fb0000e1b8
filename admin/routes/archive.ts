/**
 * POST /:id/archive and /:id/restore for a catalogue list: the same two buttons on calls,
 * dialogues and FAQ entries (views/layout.tsx ArchiveToggle), back to the list with a notice.
 */
import { Hono } from 'hono';
import { setArchived, type Archivable } from '../commands/archive';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { done } from '../render';

export function archiveRoutes(deps: AdminDeps, kind: Archivable, list: string): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  for (const action of ['archive', 'restore'] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const result = await setArchived(deps, c.get('user'), kind, c.req.param('id'), action === 'archive');
      if (result === 'not_found') return c.notFound();
      return done(c, list, action === 'archive' ? 'archived' : 'restored');
    });
  }
  return app;
}
