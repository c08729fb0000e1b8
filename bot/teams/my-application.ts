/**
 * `GET /teams/tab/api/me`: the "My application" tab's own data, for the person Teams signed in
 * (single sign-on, bot/teams/sso.ts), never for whoever the page's context claims to be. Without
 * a valid token the answer is 401 with the sentence the tab shows instead: open the chat.
 */
import { Hono } from 'hono';
import { localeFromTag, t, type Locale, type MessageKey } from '../../domain/i18n';
import type { ApplicationStatus, DialogueReviewStatus } from '../../domain/types';
import type { Logger } from '../core/host';
import type { SsoResult } from './sso';

export interface MyApplication {
  reference: string | null;
  status: ApplicationStatus;
  dialogues: { name: string; status: DialogueReviewStatus }[];
}

export interface MyApplications {
  /** The applications of the person with this Entra object id in this tenant (none when unknown). */
  of(tenantId: string, objectId: string): Promise<MyApplication[]>;
}

/** What the person has to do next, from where the application stands. */
function nextStep(a: MyApplication): MessageKey {
  if (a.status === 'draft') return 'install.teams.nextFinish';
  return a.dialogues.some((d) => d.status === 'info_requested') ? 'install.teams.nextAnswer' : 'install.teams.nextWait';
}

export function myApplicationRoutes(
  verifier: { verify(token: string | undefined): Promise<SsoResult> },
  mine: MyApplications,
  log: Logger,
): Hono {
  const app = new Hono();
  app.get('/teams/tab/api/me', async (c) => {
    const l: Locale = localeFromTag(c.req.query('locale')) ?? 'en';
    c.header('cache-control', 'no-store');
    const token = c.req.header('authorization')?.match(/^Bearer ([A-Za-z0-9._-]+)$/)?.[1];
    const who = await verifier.verify(token);
    if (!who.ok) {
      log.warn('teams.sso_refused', { reason: who.reason });
      return c.json({ error: who.reason, message: t(l, 'install.teams.openChat') }, 401);
    }
    const applications = await mine.of(who.tenantId, who.objectId);
    return c.json({
      applications: applications.map((a) => ({
        reference: a.reference,
        status: t(l, `status.${a.status}`),
        dialogues: a.dialogues.map((d) => ({ name: d.name, status: t(l, `status.${d.status}`) })),
        next: t(l, nextStep(a)),
      })),
      ...(applications.length === 0 ? { message: t(l, 'install.teams.none') } : {}),
    });
  });
  return app;
}
