/**
 * The page frame: skip link, banner, navigation limited to what the user may open, one <main>.
 */
import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { can, type Permission } from '../auth/roles';
import { CSRF_FIELD } from '../auth/csrf';
import type { SessionUser } from '../env';

const NAV: { key: string; href: string; label: string; permission?: Permission }[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard' },
  { key: 'applications', href: '/admin/applications', label: 'Applications', permission: 'applications' },
  { key: 'balance', href: '/admin/balance', label: 'Balance', permission: 'applications' },
  { key: 'rounds', href: '/admin/rounds', label: 'Approval rounds', permission: 'rounds' },
  { key: 'objections', href: '/admin/objections', label: 'Non-objection rounds', permission: 'object' },
  { key: 'dialogues', href: '/admin/dialogues', label: 'Dialogues', permission: 'catalog' },
  { key: 'calls', href: '/admin/calls', label: 'Calls', permission: 'catalog' },
  { key: 'faq', href: '/admin/faq', label: 'FAQ', permission: 'catalog' },
  { key: 'questions', href: '/admin/questions', label: 'Questions inbox', permission: 'catalog' },
  { key: 'channels', href: '/admin/channels', label: 'Channels & settings', permission: 'catalog' },
  { key: 'installations', href: '/admin/installations', label: 'Installations', permission: 'installations' },
  { key: 'users', href: '/admin/users', label: 'Users', permission: 'users' },
  { key: 'audit', href: '/admin/audit', label: 'Audit log', permission: 'audit' },
  { key: 'privacy', href: '/admin/privacy', label: 'Data protection', permission: 'audit' },
];

export interface PageProps {
  title: string;
  user?: SessionUser;
  csrf?: string;
  current?: string;
  notice?: { text: string; bad?: boolean } | null;
  serverNow?: Date;
  children?: Child;
}

export const Layout: FC<PageProps> = ({ title, user, csrf, current, notice, serverNow, children }) => (
  <>
    {raw('<!doctype html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Dialogue Desk admin`}</title>
        <link rel="stylesheet" href="/admin/assets/admin.css" />
        <script src="/admin/assets/admin.js" defer></script>
      </head>
      <body data-server-now={serverNow?.toISOString()}>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="top">
          <a class="brand" href="/admin">
            Dialogue Desk admin
          </a>
          {user && (
            <>
              <span class="who">
                {user.displayName} <span class="muted-light">({user.role})</span>
              </span>
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name={CSRF_FIELD} value={csrf} />
                <button type="submit" class="secondary">
                  Sign out
                </button>
              </form>
            </>
          )}
        </header>
        {user && (
          <nav class="main" aria-label="Main">
            <ul>
              {NAV.filter((n) => !n.permission || can(user.role, n.permission)).map((n) => (
                <li>
                  <a href={n.href} aria-current={n.key === current ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          {notice && (
            <div class={notice.bad ? 'notice bad' : 'notice'} role={notice.bad ? 'alert' : 'status'}>
              {notice.text}
            </div>
          )}
          {children}
        </main>
      </body>
    </html>
  </>
);

/** The hidden CSRF field every state-changing form carries. */
export const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

/** The Archive / Restore button of a list row; `name` tells screen-reader users which row. */
export const ArchiveToggle: FC<{ base: string; id: string; archived: boolean; name: string; csrf: string; confirm?: string }> = ({
  base,
  id,
  archived,
  name,
  csrf,
  confirm,
}) => (
  <form
    method="post"
    action={`${base}/${encodeURIComponent(id)}/${archived ? 'restore' : 'archive'}`}
    class="inline"
    data-confirm={archived ? undefined : confirm}
  >
    <Csrf token={csrf} />
    <button type="submit" class="secondary">
      {archived ? 'Restore' : 'Archive'}
      <span class="visually-hidden"> {name}</span>
    </button>
  </form>
);
