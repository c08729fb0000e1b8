/**
 * Reviewers named by id, per platform: they may decide on every application from Slack or Teams,
 * besides the members of the channel each card went to. Administrators only (the permission
 * `reviewers`); every change is audited.
 */
import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps';
import { listReviewers } from '../../db/store/reviewers';
import { addReviewer, removeReviewer } from '../commands/reviewers';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { done, render } from '../render';
import { reviewerSchema } from '../validators';
import { ErrorSummary, Input, Select, type Errors, type Values } from '../views/fields';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';

const PLATFORMS = [
  { value: 'slack', label: 'Slack' },
  { value: 'teams', label: 'Microsoft Teams' },
];

async function page(c: Context<AdminEnv>, deps: AdminDeps, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const rows = await listReviewers(deps.db);
  const env = [
    ...deps.settings.envReviewers.slack.map((id) => ({ platform: 'Slack', id })),
    ...deps.settings.envReviewers.teams.map((id) => ({ platform: 'Microsoft Teams', id })),
  ];
  return render(
    c,
    deps,
    { title: 'Reviewers', current: 'channels' },
    <>
      <h1>Reviewers</h1>
      <p>
        Members of the reviewer channel an application's card went to may decide on it there. The people below may decide on every
        application from Slack or Teams as well.
      </p>
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Id</th>
              <th scope="col">Note</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td data-label="Platform">{r.platform === 'teams' ? 'Microsoft Teams' : 'Slack'}</td>
                <td data-label="Id">
                  <code>{r.user_id}</code>
                </td>
                <td data-label="Note">{r.label}</td>
                <td data-label="Added">{viennaTime(r.added_at)}</td>
                <td data-label="Actions">
                  <form method="post" action="/admin/reviewers/remove">
                    <Csrf token={c.get('csrf')} />
                    <input type="hidden" name="platform" value={r.platform} />
                    <input type="hidden" name="user_id" value={r.user_id} />
                    <button type="submit" class="secondary">
                      Remove<span class="visually-hidden"> {r.user_id}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
            {env.map((r) => (
              <tr>
                <td data-label="Platform">{r.platform}</td>
                <td data-label="Id">
                  <code>{r.id}</code>
                </td>
                <td data-label="Note" class="muted">
                  From the server's settings
                </td>
                <td data-label="Added"></td>
                <td data-label="Actions"></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a reviewer</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/reviewers" novalidate>
        <Csrf token={c.get('csrf')} />
        <Select name="platform" label="Platform" options={PLATFORMS} values={values} errors={errors} />
        <Input
          name="user_id"
          label="Member id"
          hint="Slack: the member id (U0123ABCD). Teams: the Microsoft Entra object id."
          required
          values={values}
          errors={errors}
        />
        <Input
          name="label"
          label="Note (optional)"
          hint="Whose id this is, for the people reading this list."
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">Add reviewer</button>
        </div>
      </form>
    </>,
    status,
  );
}

export function reviewerRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => page(c, deps, { platform: 'slack' }, {}));

  app.post('/', async (c) => {
    const raw = await readForm(c);
    const parsed = check(reviewerSchema, raw);
    if (!parsed.ok) return page(c, deps, raw, parsed.errors, 400);
    await addReviewer(deps, c.get('user'), parsed.data);
    return done(c, '/admin/reviewers', 'saved');
  });

  app.post('/remove', async (c) => {
    const raw = await readForm(c);
    const parsed = check(reviewerSchema, { ...raw, label: '' });
    if (!parsed.ok) return page(c, deps, {}, parsed.errors, 400);
    await removeReviewer(deps, c.get('user'), parsed.data);
    return done(c, '/admin/reviewers', 'deleted');
  });
  return app;
}
