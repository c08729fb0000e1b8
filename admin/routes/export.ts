/**
 * Exports of the filtered list: CSV everywhere, XLSX on the Node server.
 */
import { Hono } from 'hono';
import type { AdminDeps } from '../deps';
import { actorRef, auditQuery } from '../audit';
import type { AdminEnv } from '../env';
import { csvStream } from '../export/csv';
import { exportBatches, HEADER } from '../export/rows';
import { xlsxStream } from '../export/xlsx';
import { parseFilters } from '../queries/applications';

export function exportRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const stamp = () => deps.clock.now().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const onError = (err: unknown) => deps.log.error('admin.export_failed', { err });

  // Exports carry personal data, so who exported what is recorded like any change.
  const record = (c: { get(k: 'user'): { id: string } }, format: string, filters: object) =>
    auditQuery(deps.db, {
      actor: actorRef(c.get('user')),
      action: 'applications.export',
      entity: 'application',
      entityId: null,
      detail: { format, filters },
      at: deps.clock.now(),
    }).execute();

  app.get('/export.csv', async (c) => {
    const f = parseFilters(c.req.query());
    await record(c, 'csv', f);
    return new Response(csvStream(HEADER, exportBatches(deps.db, f), onError), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="applications-${stamp()}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/export.xlsx', async (c) => {
    const f = parseFilters(c.req.query());
    let body: ReadableStream<Uint8Array>;
    try {
      body = await xlsxStream(HEADER, exportBatches(deps.db, f), onError);
    } catch (err) {
      deps.log.warn('admin.xlsx_unavailable', { err });
      return c.text('Excel export is available on the Node server only. Please use the CSV export here; Excel opens CSV files too.', 501);
    }
    await record(c, 'xlsx', f);
    return new Response(body, {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="applications-${stamp()}.xlsx"`,
        'Cache-Control': 'no-store',
      },
    });
  });
  return app;
}
