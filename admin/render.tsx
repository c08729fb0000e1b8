/**
 * Draws a page inside the frame with the signed-in user, their CSRF token, the server's clock
 * and any notice carried by the redirect that led here.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AdminDeps } from './deps';
import type { AdminEnv } from './env';
import { Layout } from './views/layout';

const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  created: 'Created.',
  archived: 'Archived.',
  restored: 'Restored.',
  deleted: 'Deleted.',
  answered: 'Answer sent to the people who asked, through the outbox.',
  dismissed: 'Question dismissed.',
  decided: 'Decision recorded. The chat cards and the applicant are updated through the outbox.',
  signed_out: 'You are signed out.',
  retried: 'The message will be sent again now. If it fails again, its error stays on the dashboard.',
  retry_not_needed: 'That message is already delivered or being sent.',
  not_found: 'There is no such message any more.',
  person_erased: "The person's data was erased; open applications were withdrawn and reviewers told.",
};

export function noticeFrom(c: Context<AdminEnv>): { text: string; bad?: boolean } | null {
  const code = c.req.query('notice');
  const text = code ? NOTICES[code] : undefined;
  return text ? { text } : null;
}

export function render(
  c: Context<AdminEnv>,
  deps: AdminDeps,
  props: { title: string; current?: string; notice?: { text: string; bad?: boolean } | null },
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  return c.html(
    <Layout
      title={props.title}
      current={props.current}
      user={c.get('user')}
      csrf={c.get('csrf')}
      notice={props.notice ?? noticeFrom(c)}
      serverNow={deps.clock.now()}
    >
      {body}
    </Layout>,
    status,
  );
}

/** After a change: back to a page with a notice (POST-redirect-GET, so a reload does not repeat it). */
export function done(c: Context<AdminEnv>, path: string, notice: keyof typeof NOTICES | string) {
  const sep = path.includes('?') ? '&' : '?';
  return c.redirect(`${path}${sep}notice=${notice}`, 303);
}
