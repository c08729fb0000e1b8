/**
 * The application list, filtered and paged by keyset, with exports of exactly what is shown.
 */
import { Hono } from 'hono';
import { STAKEHOLDER_LABELS } from '../../domain/eligibility';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { listDialogues } from '../queries/catalog';
import { countMatching, decodeCursor, dialoguesOf, encodeCursor, fetchPage, filtersToQuery, parseFilters } from '../queries/applications';
import { render } from '../render';
import { FilterForm } from '../views/filters';
import { APPLICATION_STATUS_LABELS, REVIEW_STATUS_LABELS, label, viennaTime } from '../views/format';
import { applicationDetailRoutes } from './application-detail';
import { exportRoutes } from './export';

const PAGE_SIZE = 50;

export function applicationRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const f = parseFilters(c.req.query());
    const after = decodeCursor(c.req.query('after'));
    // Counting every match is the slow part of a page at 100,000 applications; later pages carry
    // the count of the first (a display figure, so a stale or edited one misleads nobody).
    const carried = after ? Number(c.req.query('n')) : NaN;
    const [dialogues, page, total] = await Promise.all([
      listDialogues(deps.db),
      fetchPage(deps.db, f, after, PAGE_SIZE),
      Number.isSafeInteger(carried) && carried >= 0 ? carried : countMatching(deps.db, f),
    ]);
    const perApp = await dialoguesOf(
      deps.db,
      page.rows.map((r) => r.id),
    );
    const short = new Map(dialogues.map((d) => [d.id, d.short_name]));
    const qs = filtersToQuery(f);
    return render(
      c,
      deps,
      { title: 'Applications', current: 'applications' },
      <>
        <h1>Applications</h1>
        <FilterForm f={f} dialogues={dialogues} />
        <div class="actions">
          <strong id="result-count" aria-live="polite">
            {total.toLocaleString('en')} matching
          </strong>
          <a class="button secondary" href={`/admin/applications/export.csv${qs}`} download>
            Export CSV
          </a>
          <a class="button secondary" href={`/admin/applications/export.xlsx${qs}`} download>
            Export Excel (XLSX)
          </a>
          <span class="small muted">Excel export needs the Node server; on Cloudflare Workers use CSV.</span>
        </div>
        <div class="table-wrap">
          <table class="stack">
            <caption class="visually-hidden">Applications, newest submission first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Organisation</th>
                <th scope="col">Type</th>
                <th scope="col">Country</th>
                <th scope="col">Regional group</th>
                <th scope="col">Dialogues</th>
                <th scope="col">Travel support</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr>
                  <td data-label="Reference" class="ref">
                    <a href={`/admin/applications/${encodeURIComponent(r.id)}`}>{r.reference ?? `Draft ${r.id.slice(0, 8)}`}</a>
                    {r.status !== 'submitted' && (
                      <>
                        {' '}
                        <span class="badge">{label(APPLICATION_STATUS_LABELS, r.status)}</span>
                      </>
                    )}
                  </td>
                  <td data-label="Organisation">{r.organisation_name ?? '—'}</td>
                  <td data-label="Type">{label(STAKEHOLDER_LABELS, r.stakeholder_type)}</td>
                  <td data-label="Country">{r.country ?? '—'}</td>
                  <td data-label="Regional group">{r.regional_group ?? '—'}</td>
                  <td data-label="Dialogues">
                    {(perApp.get(r.id) ?? []).map((d) => (
                      <span class={`badge ${d.status}`}>
                        {short.get(d.dialogue_id) ?? d.dialogue_id}: {label(REVIEW_STATUS_LABELS, d.status)}
                      </span>
                    ))}
                  </td>
                  <td data-label="Travel support">{r.travel_support === null ? '—' : r.travel_support ? 'Requested' : 'No'}</td>
                  <td data-label="Submitted">{viennaTime(r.submitted_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page.rows.length === 0 && <p>No application matches these filters.</p>}
        <nav class="actions" aria-label="Pages">
          {after && <a href={`/admin/applications${qs}`}>First page</a>}
          {page.next && (
            <a
              class="button"
              rel="next"
              href={`/admin/applications${filtersToQuery(f, { after: encodeCursor(page.next), n: String(total) })}`}
            >
              Next {PAGE_SIZE}
            </a>
          )}
        </nav>
      </>,
    );
  });

  app.route('/', exportRoutes(deps));
  app.route('/', applicationDetailRoutes(deps));
  return app;
}
