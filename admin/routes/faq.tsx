/**
 * FAQ entries, per call or global. The bot indexes these rows when it answers, so edits apply
 * to the next question.
 */
import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps';
import type { FaqRow } from '../../db/schema';
import { readJsonOr, stringArray } from '../../db/json';
import { saveFaq } from '../commands/catalog';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { done, render } from '../render';
import { faqSchema } from '../validators';
import { ErrorSummary, type Errors, type Values } from '../views/fields';
import { FaqFields } from '../views/faq-form';
import { FaqTranslationFields, TranslationStatus } from '../views/faq-translations';
import { translatedLocales, translationValues } from '../faq-translations';
import { parseFaqTranslations, TRANSLATED } from '../validators/faq-translations';
import { Csrf, ArchiveToggle } from '../views/layout';
import { DataTable } from '../views/table';
import { archiveRoutes } from './archive';

export function faqValues(f: FaqRow): Values {
  // A broken row shows as empty rather than failing the page.
  const variants = readJsonOr(f.variants, stringArray, []);
  const related = readJsonOr(f.related, stringArray, []);
  return { ...f, call_id: f.call_id ?? '', topic: f.topic ?? '', source_url: f.source_url ?? '', variants: variants.join('\n'), related };
}

/** A call id from the form that names no call: a field error, not a foreign-key failure. */
export async function unknownCallError(deps: AdminDeps, callId: string | null): Promise<Errors | null> {
  if (!callId) return null;
  const call = await deps.db.selectFrom('calls').select('id').where('id', '=', callId).executeTakeFirst();
  return call ? null : { call_id: 'Choose a call from the list, or "every call".' };
}

/** Follow-ups must be other entries that exist: a field error otherwise. */
async function unknownRelatedError(deps: AdminDeps, id: string | null, related: string[]): Promise<Errors | null> {
  if (!related.length) return null;
  const found = await deps.db.selectFrom('faq_entries').select('id').where('id', 'in', related).where('archived', '=', 0).execute();
  const ok = related.every((r) => r !== id && found.some((f) => f.id === r));
  return ok ? null : { related: 'Choose follow-up questions from the list (not the entry itself).' };
}

async function form(c: Context<AdminEnv>, deps: AdminDeps, id: string | null, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const calls = await listCalls(deps.db);
  const entries = (
    await deps.db.selectFrom('faq_entries').select(['id', 'question']).where('archived', '=', 0).orderBy('question').execute()
  ).filter((e) => e.id !== id);
  const title = id ? 'Edit FAQ entry' : 'New FAQ entry';
  return render(
    c,
    deps,
    { title, current: 'faq' },
    <>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={id ? `/admin/faq/${encodeURIComponent(id)}` : '/admin/faq/new'} novalidate>
        <Csrf token={c.get('csrf')} />
        <fieldset lang="en">
          <legend>English</legend>
          <FaqFields values={values} errors={errors} calls={calls} entries={entries} />
        </fieldset>
        <FaqTranslationFields values={values} errors={errors} />
        <div class="actions">
          <button type="submit">Save entry</button>
          <a href="/admin/faq">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

export function faqRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const callFilter = c.req.query('call') ?? '';
    const showArchived = c.req.query('archived') === '1';
    const onlyMissing = c.req.query('missing') === '1';
    let q = deps.db.selectFrom('faq_entries').selectAll().orderBy('call_id').orderBy('question');
    if (callFilter === 'global') q = q.where('call_id', 'is', null);
    else if (callFilter) q = q.where('call_id', '=', callFilter);
    if (!showArchived) q = q.where('archived', '=', 0);
    const [all, calls, translated] = await Promise.all([q.execute(), listCalls(deps.db), translatedLocales(deps.db)]);
    const callTitle = new Map(calls.map((k) => [k.id, k.title]));
    const missing = (id: string) => TRANSLATED.some((l) => !(translated.get(id) ?? []).includes(l));
    const rows = onlyMissing ? all.filter((f) => missing(f.id)) : all;
    const missingCount = all.filter((f) => missing(f.id)).length;
    return render(
      c,
      deps,
      { title: 'FAQ', current: 'faq' },
      <>
        <h1>FAQ</h1>
        <form method="get" action="/admin/faq" class="filters" role="search" aria-label="Filter FAQ entries">
          <div class="field">
            <label for="f-call">Applies to</label>
            <select id="f-call" name="call">
              <option value="">All</option>
              <option value="global" selected={callFilter === 'global'}>
                Every call (global)
              </option>
              {calls.map((k) => (
                <option value={k.id} selected={callFilter === k.id}>
                  {k.title}
                </option>
              ))}
            </select>
          </div>
          <div class="field checks">
            <label>
              <input type="checkbox" name="archived" value="1" checked={showArchived} /> Include archived
            </label>
          </div>
          <div class="field checks">
            <label>
              <input type="checkbox" name="missing" value="1" checked={onlyMissing} /> Only entries missing a translation
            </label>
          </div>
          <div class="field">
            <button type="submit">Filter</button>
          </div>
        </form>
        <div class="actions">
          <a class="button" href="/admin/faq/new">
            New FAQ entry
          </a>
        </div>
        <p>
          {missingCount === 0
            ? 'Every entry is in English, French and Spanish.'
            : `${missingCount} of ${all.length} entries miss a French or Spanish translation; the bot answers those in English and says so.`}
        </p>
        <DataTable caption={`${rows.length} entries`} columns={['Question', 'Applies to', 'Topic', 'Translations', 'Actions']}>
          {rows.map((f) => (
            <tr>
              <td data-label="Question">
                <a href={`/admin/faq/${encodeURIComponent(f.id)}`}>{f.question}</a>
                {f.archived ? (
                  <>
                    {' '}
                    <span class="badge">archived</span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td data-label="Applies to">{f.call_id ? (callTitle.get(f.call_id) ?? f.call_id) : 'Every call'}</td>
              <td data-label="Topic">{f.topic ?? '—'}</td>
              <td data-label="Translations">
                <TranslationStatus have={translated.get(f.id) ?? []} />
              </td>
              <td data-label="Actions">
                <ArchiveToggle base="/admin/faq" id={f.id} archived={Boolean(f.archived)} name={f.question} csrf={c.get('csrf')} />
              </td>
            </tr>
          ))}
        </DataTable>
      </>,
    );
  });

  app.get('/new', (c) => form(c, deps, null, { call_id: c.req.query('call') ?? '' }, {}));

  app.post('/new', async (c) => {
    const raw = await readForm(c);
    const parsed = check(faqSchema, raw);
    const translations = parseFaqTranslations(raw);
    if (!parsed.ok || !translations.ok)
      return form(c, deps, null, raw, { ...(parsed.ok ? {} : parsed.errors), ...(translations.ok ? {} : translations.errors) }, 400);
    const callError = (await unknownCallError(deps, parsed.data.call_id)) ?? (await unknownRelatedError(deps, null, parsed.data.related));
    if (callError) return form(c, deps, null, raw, callError, 400);
    await saveFaq(deps, c.get('user'), parsed.data, translations.data);
    return done(c, '/admin/faq', 'created');
  });

  app.get('/:id', async (c) => {
    const f = await deps.db.selectFrom('faq_entries').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!f) return c.notFound();
    return form(c, deps, f.id, { ...faqValues(f), ...(await translationValues(deps.db, f.id)) }, {});
  });

  app.post('/:id', async (c) => {
    const before = await deps.db.selectFrom('faq_entries').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!before) return c.notFound();
    const raw = await readForm(c);
    const parsed = check(faqSchema, raw);
    const translations = parseFaqTranslations(raw);
    if (!parsed.ok || !translations.ok)
      return form(c, deps, before.id, raw, { ...(parsed.ok ? {} : parsed.errors), ...(translations.ok ? {} : translations.errors) }, 400);
    const callError =
      (await unknownCallError(deps, parsed.data.call_id)) ?? (await unknownRelatedError(deps, before.id, parsed.data.related));
    if (callError) return form(c, deps, before.id, raw, callError, 400);
    await saveFaq(deps, c.get('user'), parsed.data, translations.data, before);
    return done(c, '/admin/faq', 'saved');
  });

  app.route('/', archiveRoutes(deps, 'faq_entry', '/admin/faq'));
  return app;
}
