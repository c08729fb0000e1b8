/**
 * XLSX through exceljs's streaming writer. exceljs is built on Node streams, so this works on the
 * Node server only; on Workers the import fails and the caller answers with a clear message.
 */
export async function xlsxStream(
  header: string[],
  batches: AsyncGenerator<string[][]>,
  onError: (err: unknown) => void,
): Promise<ReadableStream<Uint8Array>> {
  // A computed specifier keeps bundlers for Workers from trying to pull exceljs in.
  const specifier = 'exceljs';
  const mod = (await import(/* @vite-ignore */ specifier)) as { default?: unknown; stream?: unknown };
  const ExcelJS = (mod.default ?? mod) as {
    stream: { xlsx: { WorkbookWriter: new (o: object) => WorkbookWriter } };
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false });
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  // exceljs's own buffer keeps every byte unless something is piped; this sink hands bytes on.
  wb.stream.pipe({
    write(buf: Uint8Array, cb?: () => void) {
      if (!closed) controllerRef?.enqueue(new Uint8Array(buf));
      cb?.();
      return true;
    },
    end() {
      if (!closed) {
        closed = true;
        controllerRef?.close();
      }
    },
    on() {
      return this;
    },
    once() {
      return this;
    },
    emit() {
      return true;
    },
    removeListener() {
      return this;
    },
  });
  const ws = wb.addWorksheet('Applications', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).commit();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
    },
    async pull() {
      try {
        const next = await batches.next();
        if (next.done) {
          await ws.commit();
          await wb.commit();
          return;
        }
        for (const row of next.value) ws.addRow(row).commit();
      } catch (err) {
        onError(err);
        closed = true;
        controllerRef?.error(err);
      }
    },
    async cancel() {
      closed = true;
      await batches.return(undefined);
    },
  });
}

interface WorkbookWriter {
  stream: { pipe(dest: object): void };
  addWorksheet(name: string, o?: object): { addRow(cells: string[]): { commit(): void }; commit(): Promise<void> };
  commit(): Promise<void>;
}
