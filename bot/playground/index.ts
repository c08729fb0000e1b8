/**
 * The playground: the same engine without Slack or Teams, in a browser page. Anyone may act as
 * any applicant or as "reviewer", so it is for trying the product and for demos; it is off
 * in production and next to Slack or Teams unless PLAYGROUND=true. Its reviewer decides only
 * applications whose card went to the playground, and its API takes JSON from its own page only.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { PlaygroundFeed } from '../../domain/channel-ports';
import type { AdapterHost } from '../core/host';
import type { PlatformAdapter } from '../core/adapter';
import type { Actor, InboundEvent } from '../core/types';
import { playgroundPage } from './page';
import { localeFromAcceptLanguage, localeFromTag } from '../../domain/i18n/locales';

export const PLAYGROUND_REVIEWERS = 'reviewers';
const REVIEWER = 'reviewer';

const name = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, spaces, . _ -');
const rawValues = z.record(z.string().max(100), z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)]));

const eventBody = z.object({
  as: name,
  timeZone: z.string().max(64).optional(),
  event: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), text: z.string().max(2000) }),
    z.object({ kind: z.literal('action'), actionId: z.string().max(100), value: z.string().max(500).optional() }),
    z.object({
      kind: z.literal('submission'),
      formId: z.string().max(100),
      contextId: z.string().max(500),
      stepId: z.string().max(100).optional(),
      values: rawValues,
    }),
  ]),
});

function actorFor(as: string, timeZone: string | undefined): Actor {
  return { platform: 'playground', userId: as, scope: 'local', displayName: as, ...(timeZone ? { timeZone } : {}) };
}

/**
 * A page on another site can send a "simple" cross-site POST (text/plain, no preflight) and a
 * browser will carry it; JSON content type and the browser's own word on the request's origin
 * (Sec-Fetch-Site, Origin) keep the API to the playground page itself.
 */
function fromOwnPage(c: Context, publicUrl: string | undefined): { ok: true } | { ok: false; status: 403 | 415; error: string } {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, error: 'cross_site' };
  const origin = c.req.header('origin');
  if (origin) {
    const allowed = new Set([new URL(c.req.url).origin]);
    if (publicUrl) allowed.add(new URL(publicUrl).origin);
    if (!allowed.has(origin)) return { ok: false, status: 403, error: 'cross_site' };
  }
  if (c.req.method === 'POST') {
    const type = ((c.req.header('content-type') ?? '').split(';')[0] ?? '').trim().toLowerCase();
    if (type !== 'application/json') return { ok: false, status: 415, error: 'json_only' };
  }
  return { ok: true };
}

export interface PlaygroundSettings {
  /** PUBLIC_URL: its origin may call the API too (behind a proxy the request's own may differ). */
  publicUrl?: string;
}

export function createPlaygroundAdapter(deps: AdapterHost, settings: PlaygroundSettings, feed: PlaygroundFeed): PlatformAdapter {
  const routes = new Hono();

  routes.use('/playground/api/*', async (c, next) => {
    const check = fromOwnPage(c, settings.publicUrl);
    if (!check.ok) return c.json({ error: check.error, message: 'The playground API answers its own page only, with JSON.' }, check.status);
    return next();
  });

  // The page's own words follow ?lang= or the browser; the conversation follows the person.
  routes.get('/playground', (c) => {
    const asked = localeFromTag(c.req.query('lang')?.slice(0, 35));
    return c.html(playgroundPage(asked ?? localeFromAcceptLanguage(c.req.header('accept-language'))));
  });

  routes.post('/playground/api/event', async (c) => {
    const parsed = eventBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return c.json({ error: 'invalid_event', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const { as, timeZone, event } = parsed.data;
    const actor = actorFor(as, timeZone);
    const conversation = { id: `playground:${as}`, isDirect: true };
    const inbound: InboundEvent = { ...event, actor, conversation } as InboundEvent;
    const result = await deps.engine.handle(inbound);
    return c.json(result);
  });

  routes.get('/playground/api/home', async (c) => {
    const as = name.safeParse(c.req.query('as'));
    if (!as.success) return c.json({ error: 'invalid_name' }, 400);
    return c.json({ replies: await deps.engine.home(actorFor(as.data, c.req.query('tz'))) });
  });

  /** Messages the outbox delivered to this person (and, for the reviewer, to the reviewer channel). */
  routes.get('/playground/api/feed', async (c) => {
    const as = name.safeParse(c.req.query('as'));
    if (!as.success) return c.json({ error: 'invalid_name' }, 400);
    const after = z.string().max(40).optional().parse(c.req.query('after')) ?? '';
    const rows = await feed.deliveredAfter(after, 200, (to) => to.address === as.data || (as.data === REVIEWER && to.kind === 'channel'));
    const messages = rows.map((r) => ({ id: r.id, purpose: r.purpose, at: r.deliveredAt, to: r.recipient.address, replies: r.replies }));
    return c.json({ messages });
  });

  return {
    platform: 'playground',
    routes,
    // Delivery is the row itself: the page reads delivered rows from the feed.
    sender: { deliver: async () => ({ externalRef: { delivered: true } }) },
    // The playground's reviewer decides only on cards that went to the playground, which calls
    // get only when no real platform is configured.
    isReviewer: async (actor, channels) =>
      actor.platform === 'playground' && actor.userId === REVIEWER && channels.some((c) => c.platform === 'playground'),
  };
}
