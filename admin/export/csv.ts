/**
 * CSV as RFC 4180 with a guard against formula injection. A spreadsheet runs a cell that starts
 * with = + - @ (or a tab/CR before them) as a formula. Where a cell starts depends on the reader:
 * Excel in a locale whose list separator is ";" (de-AT, where the secretariat sits, fr, es…)
 * splits on ";" and then reads our quotes differently, so "Acme;=1+1" or a line break can begin
 * a cell anywhere. Every cell is quoted, and every formula character that follows the start, a
 * "," or ";" separator, a quote or a line break gets an apostrophe in front: text in every reading.
 */
export function csvCell(value: string): string {
  // Most cells need neither: one test instead of two replacements (and their copies) per cell.
  if (!NEEDS_WORK.test(value)) return `"${value}"`;
  const safe = value.replace(FORMULA_START, "'");
  return `"${safe.replace(/"/g, '""')}"`;
}
// Zero-width, so a guard can follow a guarded character: "\r-" becomes "'\r'-". After a quote
// too: a reader that splits on ";" and drops quotes would otherwise see ""=1+1 begin a formula.
const FORMULA_START = /(?<=^|[,;\r\n"])(?=[=+\-@\t\r])/g;
const NEEDS_WORK = /(?:^|[,;\r\n])[=+\-@\t\r]|"/;

export function csvLine(cells: string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i] ?? '') : `,${csvCell(cells[i] ?? '')}`;
  return `${line}\r\n`;
}

/** Streams the batches as CSV; each pull reads one batch, so a slow client slows the reads. */
export function csvStream(
  header: string[],
  batches: AsyncGenerator<string[][]>,
  onError: (err: unknown) => void,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // The byte-order mark makes Excel read the file as UTF-8 (names with accents).
          controller.enqueue(enc.encode(`\uFEFF${csvLine(header)}`));
          return;
        }
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(enc.encode(next.value.map(csvLine).join('')));
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
