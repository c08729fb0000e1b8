/**
 * The application form as a web page inside a Teams dialog (Teams dialogs, opened by task/fetch, with TeamsJS in the page). task/fetch
 * answers with a URL carrying a signed dialog token; the page and its API accept nothing else as
 * proof of who is applying. Each step goes through the same engine as the cards, which saves the
 * draft every time, so closing the window loses nothing. When the application is submitted the
 * engine's confirmation is posted in the person's chat and the page closes the dialog.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { FORM_ID } from '../../domain/form';
import type { CardField, FormView, Reply } from '../../domain/messages';
import type { TeamsConversations } from '../../domain/channel-ports';
import type { AdapterHost } from '../core/host';
import { parseInboundJson } from '../../lib/json';
import type { Actor, EngineResult } from '../core/types';
import type { ConnectorClient } from './client';
import { TEAMS_DIALOG_CSS, TEAMS_DIALOG_JS } from '../../generated/assets';
import { dialogPage, expiredPage } from './dialog-page';
import { localeFromAcceptLanguage, t, type Locale } from '../../domain/i18n';
import type { DialogGrant, DialogTokens } from './dialog-token';
import { repliesToActivities } from './render/replies';
import { withRetry } from './retry';
import { FRAME_ANCESTORS } from './tab';

export const DIALOG_PATH = '/teams/dialog/apply';

/** What the page shows: the step to fill (or none), what was said, and the reference once done. */
export interface DialogAnswer {
  form: FormView | null;
  notes: { title?: string; text?: string; fields?: CardField[] }[];
  done: { reference: string } | null;
  /** The language the person reads: the page's own words and its lang/dir follow it. */
  locale: Locale;
}

export interface DialogContext {
  deps: AdapterHost;
  client: ConnectorClient | null;
  conversations: TeamsConversations;
  tokens: DialogTokens;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  FRAME_ANCESTORS,
].join('; ');

const rawValues = z
  .record(z.string().max(100), z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)]))
  .refine((v) => Object.keys(v).length <= 100, 'too many values');

const submission = z.object({
  token: z.string().max(4000).optional(),
  formId: z.literal(FORM_ID),
  draftId: z.string().min(1).max(200),
  stepId: z.string().min(1).max(100).optional(),
  values: rawValues,
});

/** The link for a task/fetch answer; PUBLIC_URL must be https (Teams loads nothing else). */
export function dialogUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${DIALOG_PATH}?t=${encodeURIComponent(token)}`;
}

/** Replies as the page shows them; card buttons are left out (they belong to the chat). */
export function toDialogAnswer(result: EngineResult, done: { reference: string } | null = null): DialogAnswer {
  const form = result.replies.find((r): r is Extract<Reply, { kind: 'form' }> => r.kind === 'form');
  const notes: DialogAnswer['notes'] = [];
  for (const r of result.replies) {
    if (r.kind === 'text') notes.push({ text: r.text });
    else if (r.kind === 'card')
      notes.push({
        title: r.card.title,
        ...(r.card.text ? { text: r.card.text } : {}),
        ...(r.card.fields?.length ? { fields: r.card.fields } : {}),
      });
    else if (r.kind === 'prompt') notes.push({ title: r.prompt.title, text: t(result.locale ?? 'en', 'chrome.form.answerInChat') });
  }
  return { form: form && !result.closeForm ? form.form : null, notes, done, locale: result.locale ?? 'en' };
}

export function dialogRoutes(ctx: DialogContext): Hono {
  const { deps, tokens } = ctx;
  const app = new Hono();

  const secure = (c: { header(name: string, value: string): void }) => {
    c.header('content-security-policy', CSP);
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
  };

  app.get(DIALOG_PATH, async (c) => {
    secure(c);
    const checked = await tokens.verify(c.req.query('t'));
    if (!checked.ok) {
      deps.log.info('teams_dialog_token_refused', { reason: checked.reason });
      return c.html(expiredPage(localeFromAcceptLanguage(c.req.header('accept-language'))), 401);
    }
    const answer = toDialogAnswer(await deps.engine.openForm(checked.grant.actor));
    return c.html(dialogPage({ token: c.req.query('t'), answer }));
  });

  const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'too_large' }, 413) });
  app.post('/teams/dialog/api', limit, async (c) => {
    secure(c);
    const json = parseInboundJson(await c.req.text());
    const body = submission.safeParse(json.ok ? json.value : null);
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const checked = await tokens.verify(bearer ?? (body.success ? body.data.token : undefined));
    if (!checked.ok) {
      deps.log.info('teams_dialog_token_refused', { reason: checked.reason });
      return c.json(
        {
          error: 'expired',
          message: t(localeFromAcceptLanguage(c.req.header('accept-language')), 'chrome.form.expired'),
        },
        401,
      );
    }
    if (!body.success)
      return c.json({ error: 'bad_request', issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 400);
    const { actor, conversation } = checked.grant;
    const { formId, draftId, stepId, values } = body.data;
    const result = await deps.engine.handle({
      kind: 'submission',
      actor,
      conversation: { id: conversation.id, isDirect: conversation.personal },
      formId,
      contextId: draftId,
      ...(stepId ? { stepId } : {}),
      values,
    });
    if (!result.closeForm) return c.json(toDialogAnswer(result));
    const done = await submittedReference(deps, actor, draftId);
    // The chat keeps the confirmation (with its Edit and Withdraw buttons) after the window closes.
    deps.background(() => postToChat(ctx, checked.grant, result.replies));
    return c.json(toDialogAnswer(result, done));
  });

  app.get('/teams/dialog/app.js', (c) =>
    c.body(TEAMS_DIALOG_JS, 200, {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    }),
  );
  app.get('/teams/dialog/app.css', (c) =>
    c.body(TEAMS_DIALOG_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    }),
  );
  return app;
}

/** The reference of the actor's own submitted application, or null. */
export async function submittedReference(deps: AdapterHost, actor: Actor, applicationId: string): Promise<{ reference: string } | null> {
  const app = await deps.store.get(applicationId);
  if (!app?.reference || app.status !== 'submitted') return null;
  const ids = await deps.store.identitiesOf(app.personId);
  const mine = ids.some((i) => i.platform === actor.platform && i.userId === actor.userId && (i.scope ?? '') === (actor.scope ?? ''));
  return mine ? { reference: app.reference } : null;
}

/**
 * Posts the engine's final replies in the chat the dialog came from when that is the person's
 * own chat; from a channel they go to the person's personal chat instead, never the channel.
 */
async function postToChat(ctx: DialogContext, grant: DialogGrant, replies: Reply[]): Promise<void> {
  if (!ctx.client || replies.length === 0) return;
  const { actor, conversation } = grant;
  const target = conversation.personal
    ? { serviceUrl: conversation.serviceUrl, id: conversation.id }
    : await ctx.conversations.findPersonal(actor.userId, actor.scope);
  if (!target?.serviceUrl) {
    ctx.deps.log.warn('teams_dialog_no_personal_chat', {});
    return;
  }
  for (const activity of repliesToActivities(replies)) {
    await withRetry(() => ctx.client!.send(target.serviceUrl, target.id, activity), ctx.deps.log);
  }
}
