/**
 * Calls: application windows. Times are typed as local date-time in a chosen IANA zone and
 * stored as UTC with that zone, then shown back in Vienna time and UTC.
 */
import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps';
import { saveCall } from '../commands/catalog';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { getCall, listCalls, listDialogues } from '../queries/catalog';
import { done, render } from '../render';
import { callSchema } from '../validators';
import { checkCallTimes } from '../validators/call-times';
import { Checkboxes, ErrorSummary, Input, Select, type Errors, type Values } from '../views/fields';
import { VIENNA, timeZones, toLocalInput, utcTime, viennaDeadline, viennaTime } from '../views/format';
import { Csrf, ArchiveToggle } from '../views/layout';
import { DataTable } from '../views/table';
import { archiveRoutes } from './archive';

async function form(
  c: Context<AdminEnv>,
  deps: AdminDeps,
  mode: 'new' | 'edit',
  values: Values,
  errors: Errors,
  status: 200 | 400 | 409 = 200,
) {
  const dialogues = await listDialogues(deps.db);
  const title = mode === 'new' ? 'New call' : `Edit call: ${String(values.title ?? values.id)}`;
  const stored = mode === 'edit' ? await getCall(deps.db, String(values.id)) : undefined;
  return render(
    c,
    deps,
    { title, current: 'calls' },
    <>
      <h1>{title}</h1>
      {stored && (
        <p class="small">
          Stored: opens {viennaTime(stored.opens_at)} ({utcTime(stored.opens_at)}); deadline {viennaDeadline(stored.closes_at)} (
          {utcTime(stored.closes_at)}); set in {stored.zone}.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={mode === 'new' ? '/admin/calls/new' : `/admin/calls/${encodeURIComponent(String(values.id))}`} novalidate>
        <Csrf token={c.get('csrf')} />
        {mode === 'new' ? (
          <Input name="id" label="Id" hint='e.g. "cd-2024-tip-som". It cannot be changed later.' required values={values} errors={errors} />
        ) : (
          <p>
            <strong>Id:</strong> <code>{String(values.id)}</code>
          </p>
        )}
        <Input name="title" label="Title" required values={values} errors={errors} />
        <Input name="title_fr" label="Title in French" hint="Leave empty to show the English title." values={values} errors={errors} />
        <Input name="title_es" label="Title in Spanish" hint="Leave empty to show the English title." values={values} errors={errors} />
        <Input
          name="reference_prefix"
          label="Reference prefix"
          hint="Application references become PREFIX-0001, PREFIX-0002, …"
          required
          values={values}
          errors={errors}
        />
        <Checkboxes
          name="dialogue_ids"
          label="Dialogues in this call"
          options={dialogues.map((d) => ({ value: d.id, label: `${d.name}${d.date ? ` — ${d.date}` : ''}` }))}
          values={values}
          errors={errors}
        />
        <Select
          name="zone"
          label="Time zone of the dates below"
          hint="The dates are read as local time in this zone."
          required
          options={timeZones().map((z) => ({ value: z, label: z }))}
          values={values}
          errors={errors}
        />
        <Input name="opens_local" label="Applications open" type="datetime-local" required values={values} errors={errors} />
        <Input
          name="closes_local"
          label="Deadline"
          type="datetime-local"
          hint='Applications are accepted strictly before this moment. "Midnight at the end of 12 February" is 13 February, 00:00.'
          required
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">Save call</button>
          <a href="/admin/calls">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

export function callRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const [calls, dialogues] = await Promise.all([listCalls(deps.db), listDialogues(deps.db)]);
    const name = new Map(dialogues.map((d) => [d.id, d.short_name]));
    return render(
      c,
      deps,
      { title: 'Calls', current: 'calls' },
      <>
        <h1>Calls</h1>
        <div class="actions">
          <a class="button" href="/admin/calls/new">
            New call
          </a>
        </div>
        <DataTable caption={`${calls.length} calls`} columns={['Title', 'Dialogues', 'Opens', 'Deadline', 'Actions']}>
          {calls.map((k) => (
            <tr>
              <td data-label="Title">
                <a href={`/admin/calls/${encodeURIComponent(k.id)}`}>{k.title}</a>
                {k.archived ? (
                  <>
                    {' '}
                    <span class="badge">archived</span>
                  </>
                ) : (
                  ''
                )}
                <br />
                <span class="small muted">
                  {k.id} · {k.reference_prefix}
                </span>
              </td>
              <td data-label="Dialogues">{k.dialogueIds.map((id) => name.get(id) ?? id).join(', ')}</td>
              <td data-label="Opens">
                {viennaTime(k.opens_at)}
                <br />
                <span class="small muted">{utcTime(k.opens_at)}</span>
              </td>
              <td data-label="Deadline">
                {viennaDeadline(k.closes_at)}
                <br />
                <span class="small muted">{utcTime(k.closes_at)}</span>
              </td>
              <td data-label="Actions">
                <ArchiveToggle base="/admin/calls" id={k.id} archived={Boolean(k.archived)} name={k.title} csrf={c.get('csrf')} />
              </td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });

  app.get('/new', (c) => form(c, deps, 'new', { zone: VIENNA }, {}));

  const save = (mode: 'new' | 'edit') => async (c: Context<AdminEnv>) => {
    const before = mode === 'edit' ? await getCall(deps.db, c.req.param('id') ?? '') : undefined;
    if (mode === 'edit' && !before) return c.notFound();
    const raw = { ...(await readForm(c)), ...(before ? { id: before.id } : {}) };
    const parsed = check(callSchema, raw);
    if (!parsed.ok) return form(c, deps, mode, raw, parsed.errors, 400);
    const input = parsed.data;
    const times = checkCallTimes(input, await listDialogues(deps.db));
    if (!times.ok) return form(c, deps, mode, raw, times.errors, 400);
    if (mode === 'new' && (await getCall(deps.db, input.id)))
      return form(c, deps, mode, raw, { id: 'A call with this id exists already' }, 409);
    await saveCall(deps, c.get('user'), input, times, before);
    return done(c, '/admin/calls', before ? 'saved' : 'created');
  };

  app.post('/new', save('new'));

  app.get('/:id', async (c) => {
    const k = await getCall(deps.db, c.req.param('id'));
    if (!k) return c.notFound();
    return form(
      c,
      deps,
      'edit',
      {
        id: k.id,
        title: k.title,
        title_fr: k.titles.fr ?? '',
        title_es: k.titles.es ?? '',
        reference_prefix: k.reference_prefix,
        dialogue_ids: k.dialogueIds,
        zone: k.zone,
        opens_local: toLocalInput(k.opens_at, k.zone),
        closes_local: toLocalInput(k.closes_at, k.zone),
      },
      {},
    );
  });

  app.post('/:id', save('edit'));

  app.route('/', archiveRoutes(deps, 'call', '/admin/calls'));
  return app;
}
