/**
 * Admin users and their roles. An administrator cannot lock themselves out: the last active
 * admin cannot be demoted or disabled.
 */
import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { AdminDeps } from '../deps';
import { ROLE_LABELS, ROLES } from '../auth/roles';
import { COUNTRIES, countryName } from '../../domain/countries';
import { createUser, updateUser } from '../commands/users';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { done, render } from '../render';
import { editUserSchema, newUserSchema } from '../validators';
import { ErrorSummary, Input, Select, type Errors, type Values } from '../views/fields';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const statePartyOptions = [{ value: '', label: '—' }, ...COUNTRIES.map((k) => ({ value: k.code, label: k.name }))];
const STATE_PARTY_HINT = 'Only for the role "State party focal point": the State party this person speaks for in non-objection rounds.';

const RoleFields: FC<{ values: Values; errors: Errors }> = ({ values, errors }) => (
  <>
    <Select name="role" label="Role" required options={roleOptions} values={values} errors={errors} />
    <Select name="state_party" label="State party" hint={STATE_PARTY_HINT} options={statePartyOptions} values={values} errors={errors} />
  </>
);

function newForm(c: Context<AdminEnv>, deps: AdminDeps, values: Values, errors: Errors, status: 200 | 400 | 409 = 200) {
  return render(
    c,
    deps,
    { title: 'New user', current: 'users' },
    <>
      <h1>New user</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/users/new" novalidate>
        <Csrf token={c.get('csrf')} />
        <Input name="email" label="Email address" type="email" autocomplete="off" required values={values} errors={errors} />
        <Input name="display_name" label="Name" hint="Shown on decisions and in the audit log." required values={values} errors={errors} />
        <RoleFields values={values} errors={errors} />
        <Input
          name="password"
          label="Initial password"
          type="password"
          autocomplete="new-password"
          hint="At least 12 characters. Give it to the person privately."
          required
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">Create user</button>
          <a href="/admin/users">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

function editForm(
  c: Context<AdminEnv>,
  deps: AdminDeps,
  id: string,
  email: string,
  values: Values,
  errors: Errors,
  status: 200 | 400 | 409 = 200,
) {
  return render(
    c,
    deps,
    { title: `User ${email}`, current: 'users' },
    <>
      <h1>User {email}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/users/${encodeURIComponent(id)}`} novalidate>
        <Csrf token={c.get('csrf')} />
        <Input name="display_name" label="Name" required values={values} errors={errors} />
        <RoleFields values={values} errors={errors} />
        <div class="field checks">
          <label>
            <input
              type="checkbox"
              id="f-disabled"
              name="disabled"
              value="on"
              checked={values.disabled === true || values.disabled === 'on'}
            />{' '}
            Disabled (cannot sign in; open sessions end)
          </label>
          {errors.disabled && <p class="error">{errors.disabled}</p>}
        </div>
        <Input
          name="password"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint="Leave empty to keep the current password."
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">Save user</button>
          <a href="/admin/users">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

export function userRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const users = await deps.db
      .selectFrom('admin_users')
      .select(['id', 'email', 'display_name', 'role', 'state_party', 'disabled', 'created_at'])
      .orderBy('email')
      .execute();
    return render(
      c,
      deps,
      { title: 'Users', current: 'users' },
      <>
        <h1>Users</h1>
        <div class="actions">
          <a class="button" href="/admin/users/new">
            New user
          </a>
        </div>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td data-label="Email">
                    <a href={`/admin/users/${encodeURIComponent(u.id)}`}>{u.email}</a>
                  </td>
                  <td data-label="Name">{u.display_name}</td>
                  <td data-label="Role">
                    {u.role}
                    {u.state_party ? ` (${countryName(u.state_party)})` : ''}
                  </td>
                  <td data-label="Status">{u.disabled ? 'Disabled' : 'Active'}</td>
                  <td data-label="Created">{viennaTime(u.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>,
    );
  });

  app.get('/new', (c) => newForm(c, deps, { role: 'reviewer' }, {}));

  app.post('/new', async (c) => {
    const raw = await readForm(c);
    const parsed = check(newUserSchema, raw);
    if (!parsed.ok) return newForm(c, deps, raw, parsed.errors, 400);
    if ((await createUser(deps, c.get('user'), parsed.data)) === 'email_taken')
      return newForm(c, deps, raw, { email: 'A user with this email exists already' }, 409);
    return done(c, '/admin/users', 'created');
  });

  const find = (id: string) => deps.db.selectFrom('admin_users').selectAll().where('id', '=', id).executeTakeFirst();

  app.get('/:id', async (c) => {
    const u = await find(c.req.param('id'));
    if (!u) return c.notFound();
    return editForm(
      c,
      deps,
      u.id,
      u.email,
      { display_name: u.display_name, role: u.role, state_party: u.state_party ?? '', disabled: Boolean(u.disabled) },
      {},
    );
  });

  app.post('/:id', async (c) => {
    const before = await find(c.req.param('id'));
    if (!before) return c.notFound();
    const raw = await readForm(c);
    const parsed = check(editUserSchema, raw);
    if (!parsed.ok) return editForm(c, deps, before.id, before.email, raw, parsed.errors, 400);
    if ((await updateUser(deps, c.get('user'), before, parsed.data)) === 'last_admin')
      return editForm(
        c,
        deps,
        before.id,
        before.email,
        raw,
        { role: 'This is the last active administrator; make someone else an administrator first' },
        409,
      );
    return done(c, '/admin/users', 'saved');
  });
  return app;
}
