/**
 * The audit log: every admin change and decision, newest first, paged by keyset on (at, id).
 */
import { Hono } from 'hono';
import type { AdminDeps } from '../deps';
import { base64url, fromBase64url } from '../../lib/crypto';
import { inboundJsonOrUndefined } from '../../lib/json';
import type { AdminEnv } from '../env';
import { actorNames } from '../queries/dashboard';
import { render } from '../render';
import { utcTime, viennaTime } from '../views/format';

const PAGE = 100;

export function auditRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const entity = c.req.query('entity') || '';
    const actor = c.req.query('actor') || '';
    let after: [string, string] | null = null;
    // A cursor from the URL: anything but the [created_at, id] pair we wrote starts from the first page.
    try {
      const cursor = inboundJsonOrUndefined(new TextDecoder().decode(fromBase64url(c.req.query('after') ?? '')));
      const [at, id] = Array.isArray(cursor) ? cursor : [];
      if (typeof at === 'string' && typeof id === 'string') after = [at, id];
    } catch {
      after = null;
    }
    let q = deps.db.selectFrom('audit_log').selectAll();
    if (entity) q = q.where('entity', '=', entity);
    if (actor) q = q.where('actor_ref', '=', actor);
    const from = after;
    if (from) q = q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(from[0], from[1])));
    const rows = await q
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(PAGE + 1)
      .execute();
    const more = rows.length > PAGE;
    const shown = rows.slice(0, PAGE);
    const [names, entities] = await Promise.all([
      actorNames(
        deps.db,
        shown.map((r) => r.actor_ref),
      ),
      deps.db.selectFrom('audit_log').select('entity').distinct().execute(),
    ]);
    const last = shown[shown.length - 1];
    const params = (extra: Record<string, string>) =>
      new URLSearchParams({ ...(entity ? { entity } : {}), ...(actor ? { actor } : {}), ...extra }).toString();
    return render(
      c,
      deps,
      { title: 'Audit log', current: 'audit' },
      <>
        <h1>Audit log</h1>
        <form method="get" action="/admin/audit" class="filters" role="search" aria-label="Filter the audit log">
          <div class="field">
            <label for="f-entity">What</label>
            <select id="f-entity" name="entity">
              <option value="">Everything</option>
              {entities.map((e) => (
                <option value={e.entity} selected={e.entity === entity}>
                  {e.entity}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-actor">Who (actor reference)</label>
            <input id="f-actor" name="actor" type="text" value={actor} />
          </div>
          <div class="field">
            <button type="submit">Filter</button>
          </div>
        </form>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr>
                  <td data-label="When">
                    {viennaTime(r.at)}
                    <br />
                    <span class="small muted">{utcTime(r.at)}</span>
                  </td>
                  <td data-label="Who">
                    <a href={`/admin/audit?${params({ actor: r.actor_ref })}`}>{names.get(r.actor_ref) ?? r.actor_ref}</a>
                  </td>
                  <td data-label="Action">{r.action}</td>
                  <td data-label="Entity">
                    {r.entity}
                    {r.entity_id ? (
                      <>
                        <br />
                        <span class="small muted">{r.entity_id}</span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td data-label="Detail">
                    <pre class="detail">{r.detail === '{}' ? '' : JSON.stringify(JSON.parse(r.detail), null, 1)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {shown.length === 0 && <p>No entries.</p>}
        <nav class="actions" aria-label="Pages">
          {after && <a href={`/admin/audit?${params({})}`}>Newest</a>}
          {more && last && (
            <a
              class="button"
              rel="next"
              href={`/admin/audit?${params({ after: base64url(new TextEncoder().encode(JSON.stringify([last.at, last.id]))) })}`}
            >
              Older entries
            </a>
          )}
        </nav>
      </>,
    );
  });
  return app;
}
