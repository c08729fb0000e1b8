/**
 * Exports of the filtered list: CSV everywhere, XLSX on the Node server.
 */
import { Hono } from 'hono';
import type { AdminDeps } from '../deps';
import { recordExport } from '../commands/exports';
import type { AdminEnv } from '../env';
import { csvStream } from '../export/csv';
import { exportBatches, HEADER } from '../export/rows';
import { xlsxStream } from '../export/xlsx';
import { parseFilters } from '../queries/applications';

export function exportRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const stamp = () => deps.clock.now().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const onError = (err: unknown) => deps.log.error('admin.export_failed', { err });

  app.get('/export.csv', async (c) => {
    const f = parseFilters(c.req.query());
    await recordExport(deps, c.get('user'), 'csv', f);
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
    await recordExport(deps, c.get('user'), 'xlsx', f);
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
