/**
 * The signed-in applicant's pages: the form one step per page (/apply, /apply/step), the answer
 * to a request for information (/apply/answer), their applications with what they can do
 * (/my, /my/action), and whether notices also go by email (/my/notices). Every step goes through
 * the same engine as Slack and Teams, which saves the draft each time.
 */
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import * as z from 'zod';
import {
  ACTIONS,
  FORM_BACK_ACTION,
  INFO_FORM,
  MY_DATA,
  MY_DATA_CANCEL,
  MY_DATA_CONFIRM,
  MY_DATA_DELETE,
  MY_DATA_EXPORT,
} from '../../domain/actions';
import { FORM_ID } from '../../domain/form';
import type { WebDeps } from './settings';
import type { EngineResult, InboundEvent } from '../core/types';
import { webActor } from './actor';
import { pageHeaders, sameOrigin } from './http';
import { page } from './layout';
import { textFor, type WebText } from './messages';
import { repliesHtml } from './replies-html';
import { checkSessionToken, CSRF_FIELD, loadSession, type ApplicantSession } from './session';

/** Buttons an applicant may press here; reviewer actions are not among them. */
const ALLOWED = new Set<string>([...Object.values(ACTIONS), MY_DATA, MY_DATA_EXPORT, MY_DATA_DELETE, MY_DATA_CONFIRM, MY_DATA_CANCEL]);

const rawValue = z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)]);
const shortId = z.string().min(1).max(500);

type Body = Record<string, string | File | (string | File)[]>;

async function readBody(c: Context): Promise<Body | null> {
  try {
    return (await c.req.parseBody({ all: true })) as Body;
  } catch {
    return null;
  }
}

const one = (v: Body[string] | undefined): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

function conversation(session: ApplicantSession) {
  return { id: `web:${session.email}`, isDirect: true };
}

export function applyRoutes(app: Hono, deps: WebDeps): { showApplication: (c: Context) => Promise<Response> } {
  type Title = 'myTitle' | 'formTitle' | 'answerTitle';
  const render = (
    c: Context,
    session: ApplicantSession,
    title: Title,
    result: EngineResult,
    status: 200 | 400 | 403 | 422 = 200,
    extra: { promptError?: string; promptValue?: string } = {},
  ) => {
    pageHeaders(c);
    const W: WebText = textFor(c);
    const heading = result.replies.some((r) => r.kind === 'form') ? W.formTitle : W[title];
    const body = html`<h1>${heading}</h1>${repliesHtml(result.replies, session.csrf, W, extra)}
${result.replies.some((r) => r.kind === 'form' || r.kind === 'prompt') ? '' : html`<p><a href="/my">${W.continueMy}</a></p>`}`;
    return c.html(page({ title: heading, session, text: W }, body), status);
  };

  /** Guards a POST: a session and its CSRF token from a same-origin page, else a clear refusal. */
  const guard = async (c: Context): Promise<{ session: ApplicantSession; body: Body } | Response> => {
    const session = await loadSession(c, deps);
    if (!session) return c.redirect('/apply', 303);
    const body = await readBody(c);
    if (!body) return render(c, session, 'myTitle', { replies: [{ kind: 'text', text: textFor(c).errors.badForm }] }, 400);
    if (!sameOrigin(c, deps) || !checkSessionToken(session, one(body[CSRF_FIELD]))) {
      return render(c, session, 'myTitle', { replies: [{ kind: 'text', text: textFor(c).errors.csrf }] }, 403);
    }
    return { session, body };
  };

  type Event = InboundEvent extends infer T ? (T extends InboundEvent ? Omit<T, 'actor' | 'conversation'> : never) : never;
  const handle = async (session: ApplicantSession, event: Event) => {
    const result = await deps.engine.handle({
      ...event,
      actor: webActor(session.email),
      conversation: conversation(session),
    } as InboundEvent);
    return result;
  };

  const showApplication = async (c: Context) => {
    const session = await loadSession(c, deps);
    if (!session) return c.redirect('/apply', 303);
    const result = await deps.engine.openForm(webActor(session.email));
    return render(c, session, 'myTitle', result);
  };

  app.post('/apply/step', async (c) => {
    const g = await guard(c);
    if (g instanceof Response) return g;
    const { session, body } = g;
    const back = one(body._back);
    if (back)
      return render(
        c,
        session,
        'formTitle',
        await handle(session, { kind: 'action', actionId: FORM_BACK_ACTION, value: back.slice(0, 500) }),
      );
    const draft = shortId.safeParse(one(body._draft));
    const step = z.string().min(1).max(100).safeParse(one(body._step));
    if (!draft.success || !step.success)
      return render(c, session, 'formTitle', { replies: [{ kind: 'text', text: textFor(c).errors.badForm }] }, 400);
    const multi = new Set((one(body._multi) ?? '').split(',').filter(Boolean));
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k.startsWith('_') || k.length > 100) continue;
      const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
      values[k] = multi.has(k) ? list : (list[0] ?? '');
    }
    for (const k of multi) values[k] ??= [];
    const checked = z
      .record(z.string(), rawValue)
      .refine((v) => Object.keys(v).length <= 100)
      .safeParse(values);
    if (!checked.success) return render(c, session, 'formTitle', { replies: [{ kind: 'text', text: textFor(c).errors.badForm }] }, 400);
    const result = await handle(session, {
      kind: 'submission',
      formId: FORM_ID,
      contextId: draft.data,
      stepId: step.data,
      values: checked.data,
    });
    return render(c, session, 'formTitle', result, result.fieldErrors ? 422 : 200);
  });

  app.post('/apply/answer', async (c) => {
    const g = await guard(c);
    if (g instanceof Response) return g;
    const { session, body } = g;
    const context = shortId.safeParse(one(body._context));
    const text = z
      .string()
      .max(10_000)
      .safeParse(one(body.text) ?? '');
    if (one(body._form) !== INFO_FORM || !context.success || !text.success) {
      return render(c, session, 'answerTitle', { replies: [{ kind: 'text', text: textFor(c).errors.badForm }] }, 400);
    }
    const result = await handle(session, { kind: 'submission', formId: INFO_FORM, contextId: context.data, values: { text: text.data } });
    if (result.fieldErrors?.text) {
      const again = await handle(session, { kind: 'action', actionId: ACTIONS.answerInfo, value: context.data });
      return render(c, session, 'answerTitle', again, 422, { promptError: result.fieldErrors.text, promptValue: text.data });
    }
    return render(c, session, 'answerTitle', result);
  });

  app.post('/my/action', async (c) => {
    const g = await guard(c);
    if (g instanceof Response) return g;
    const { session, body } = g;
    const id = one(body.id) ?? '';
    const value = one(body.value);
    if (!ALLOWED.has(id) || (value !== undefined && value.length > 500)) {
      return render(c, session, 'myTitle', { replies: [{ kind: 'text', text: textFor(c).errors.unknownAction }] }, 400);
    }
    if (id === ACTIONS.status) return c.redirect('/my', 303);
    // On the web the export is a download from the page itself (the session says whose).
    if (id === MY_DATA_EXPORT) return c.redirect('/my/data.json', 303);
    const result = await handle(session, { kind: 'action', actionId: id, ...(value ? { value } : {}) });
    return render(c, session, id === ACTIONS.answerInfo ? 'answerTitle' : 'myTitle', result);
  });

  return { showApplication };
}
