/**
 * Dialogues: the meetings applicants apply to. The bot reads these rows on every question, so
 * a change here is what the bot says next.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { dialogueTranslationsJson, parseJson, readJsonOr } from '../../db/json';
import type { AdminDeps } from '../deps';
import { saveDialogue } from '../commands/catalog';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { getDialogue, listDialogues } from '../queries/catalog';
import { done, render } from '../render';
import { dialogueSchema } from '../validators';
import { dialogueTranslationValues, parseDialogueTranslations } from '../validators/dialogue-translations';
import { DialogueTranslationFields } from '../views/dialogue-translations';
import { ErrorSummary, Input, Select, TextArea, type Errors, type Values } from '../views/fields';
import { Csrf, ArchiveToggle } from '../views/layout';
import { DataTable } from '../views/table';
import { archiveRoutes } from './archive';

const FORMATS = [
  { value: 'hybrid', label: 'Hybrid (in person and online)' },
  { value: 'in_person', label: 'In person' },
  { value: 'online', label: 'Online' },
];
const STATUSES = [
  { value: 'announced', label: 'Announced (no call yet)' },
  { value: 'active', label: 'Active (in a call)' },
  { value: 'archived', label: 'Archived' },
];

function form(c: Context<AdminEnv>, deps: AdminDeps, mode: 'new' | 'edit', values: Values, errors: Errors, status: 200 | 400 | 409 = 200) {
  const title = mode === 'new' ? 'New dialogue' : `Edit dialogue: ${String(values.name ?? values.id)}`;
  return render(
    c,
    deps,
    { title, current: 'dialogues' },
    <>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={mode === 'new' ? '/admin/dialogues/new' : `/admin/dialogues/${encodeURIComponent(String(values.id))}`}
        novalidate
      >
        <Csrf token={c.get('csrf')} />
        {mode === 'new' ? (
          <Input
            name="id"
            label="Id"
            hint='Lower-case words joined by hyphens, e.g. "cybercrime". It cannot be changed later.'
            required
            values={values}
            errors={errors}
          />
        ) : (
          <p>
            <strong>Id:</strong> <code>{String(values.id)}</code>
            <input type="hidden" name="id" value={String(values.id)} />
          </p>
        )}
        <Input name="name" label="Full name" hint='e.g. "Constructive Dialogue on Firearms"' required values={values} errors={errors} />
        <Input name="short_name" label="Short name" hint='e.g. "Firearms"' required values={values} errors={errors} />
        <Input
          name="date"
          label="Date of the dialogue"
          type="date"
          hint="The day of the meeting (YYYY-MM-DD)."
          values={values}
          errors={errors}
        />
        <Select name="format" label="Format" required options={FORMATS} values={values} errors={errors} />
        <Input name="location" label="Location" hint='e.g. "Vienna, Austria, and online"' required values={values} errors={errors} />
        <TextArea
          name="description"
          label="Description"
          hint="What the dialogue follows or is about; the bot quotes it."
          required
          values={values}
          errors={errors}
        />
        <Select name="status" label="Status" required options={STATUSES} values={values} errors={errors} />
        <TextArea
          name="call_note"
          label="Note about its call"
          hint="For dialogues not yet in a call: what to tell people about when applications open."
          rows={2}
          values={values}
          errors={errors}
        />
        <TextArea
          name="aliases"
          label="Other names and abbreviations"
          rows={4}
          values={values}
          errors={errors}
          hint='One per line, in any language: what people call it, e.g. "TA", "firearms protocol", "armes à feu". The bot recognises the dialogue by these as well as by its names.'
        />
        <Input name="sort_order" label="Order in lists" type="number" required values={values} errors={errors} />
        <DialogueTranslationFields values={values} errors={errors} />
        <div class="actions">
          <button type="submit">Save dialogue</button>
          <a href="/admin/dialogues">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

/** The stored aliases as the form shows them, one per line. */
function aliasLines(json: string): string {
  // A broken row shows as empty rather than failing the page.
  return readJsonOr(json, z.array(z.unknown()), [])
    .filter((a) => typeof a === 'string')
    .join('\n');
}

/** The English fields and the translations of one submitted form, with every error of both at once. */
function readDialogue(raw: Values) {
  const parsed = check(dialogueSchema, raw);
  const translated = parseDialogueTranslations(raw);
  if (parsed.ok && translated.ok) return { ok: true as const, d: parsed.data, translations: translated.data };
  return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...(translated.ok ? {} : translated.errors) } };
}

export function dialogueRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const rows = await listDialogues(deps.db);
    return render(
      c,
      deps,
      { title: 'Dialogues', current: 'dialogues' },
      <>
        <h1>Dialogues</h1>
        <div class="actions">
          <a class="button" href="/admin/dialogues/new">
            New dialogue
          </a>
        </div>
        <DataTable caption={`${rows.length} dialogues`} columns={['Name', 'Date', 'Format', 'Status', 'Actions']}>
          {rows.map((d) => (
            <tr>
              <td data-label="Name">
                <a href={`/admin/dialogues/${encodeURIComponent(d.id)}`}>{d.name}</a>
                <br />
                <span class="small muted">{d.id}</span>
              </td>
              <td data-label="Date">{d.date ?? '—'}</td>
              <td data-label="Format">{d.format}</td>
              <td data-label="Status">
                <span class="badge">{d.status}</span>
              </td>
              <td data-label="Actions">
                <ArchiveToggle
                  base="/admin/dialogues"
                  id={d.id}
                  archived={d.status === 'archived'}
                  name={d.name}
                  csrf={c.get('csrf')}
                  confirm={`Archive ${d.name}? The bot will stop offering it.`}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });

  app.get('/new', (c) =>
    form(c, deps, 'new', { format: 'hybrid', status: 'announced', sort_order: '10', location: 'Vienna, Austria, and online' }, {}),
  );

  app.post('/new', async (c) => {
    const raw = await readForm(c);
    const read = readDialogue(raw);
    if (!read.ok) return form(c, deps, 'new', raw, read.errors, 400);
    const { d, translations } = read;
    if (await getDialogue(deps.db, d.id)) return form(c, deps, 'new', raw, { id: 'A dialogue with this id exists already' }, 409);
    await saveDialogue(deps, c.get('user'), d, translations);
    return done(c, '/admin/dialogues', 'created');
  });

  app.get('/:id', async (c) => {
    const d = await getDialogue(deps.db, c.req.param('id'));
    if (!d) return c.notFound();
    const translations = dialogueTranslationValues(parseJson(d.translations, dialogueTranslationsJson, 'dialogue translations'));
    return form(c, deps, 'edit', { ...d, sort_order: String(d.sort_order), aliases: aliasLines(d.aliases), ...translations }, {});
  });

  app.post('/:id', async (c) => {
    const before = await getDialogue(deps.db, c.req.param('id'));
    if (!before) return c.notFound();
    const raw = { ...(await readForm(c)), id: before.id };
    const read = readDialogue(raw);
    if (!read.ok) return form(c, deps, 'edit', raw, read.errors, 400);
    await saveDialogue(deps, c.get('user'), read.d, read.translations, before);
    return done(c, '/admin/dialogues', 'saved');
  });

  app.route('/', archiveRoutes(deps, 'dialogue', '/admin/dialogues'));
  return app;
}
