/**
 * Shared by the hostile-input properties: mutations of realistic payloads, a count of the rows
 * in every table (state must not change on a refusal), and a logger that keeps error lines.
 */
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { createLogger, type Logger } from '../../server/log';
import type { Database } from '../../db/schema';

// The same inputs on every run, so that a failure in CI can be replayed here; set FC_SEED to
// explore other inputs locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128) });

export const HUGE = 'x'.repeat(200_000);

/** Values that a field should never hold: wrong types, huge, odd Unicode, injection-looking. */
export const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(HUGE),
  fc.constant('\u0000\uFFFF\uD800'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("'; drop table applications; --"),
  fc.constant('=HYPERLINK("http://evil")'),
  fc.string({ maxLength: 40 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constant({}),
  fc.constant([]),
);

/** Every path to a value in a JSON object (objects and arrays included). */
export function paths(o: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (o === null || typeof o !== 'object') return [prefix];
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  for (const [k, v] of Object.entries(o)) out.push(...paths(v, [...prefix, Array.isArray(o) ? Number(k) : k]));
  return out;
}

export type Mutation = { path: (string | number)[]; op: 'set' | 'delete'; value?: unknown };

/** A copy of `o` with the mutations applied (a mutation of a path that no longer exists is skipped). */
export function mutate<T>(o: T, mutations: Mutation[]): T {
  const copy = JSON.parse(JSON.stringify(o)) as T;
  for (const m of mutations) {
    let node: any = copy;
    for (const k of m.path.slice(0, -1)) {
      if (node === null || typeof node !== 'object') {
        node = null;
        break;
      }
      node = node[k];
    }
    if (node === null || typeof node !== 'object') continue;
    const last = m.path.at(-1);
    if (last === undefined) continue;
    if (m.op === 'delete') delete node[last];
    else node[last] = m.value;
  }
  return copy;
}

/** 1 to 3 mutations at paths of `o`. */
export function mutations(o: unknown): fc.Arbitrary<Mutation[]> {
  const all = paths(o);
  return fc.array(
    fc.record({
      path: fc.constantFrom(...all),
      op: fc.constantFrom('set' as const, 'set' as const, 'delete' as const),
      value: hostileValue,
    }),
    { minLength: 1, maxLength: 3 },
  );
}

export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/** A logger that keeps every error line (a crash after the ack shows up only here). */
export function errorLog(): { log: Logger; errors: string[] } {
  const errors: string[] = [];
  return { log: createLogger('error', (line) => errors.push(line)), errors };
}

/** Bodies that are not valid UTF-8, or not what the content type says. */
export const badBytes = fc.oneof(
  fc.constant(Buffer.from([0xff, 0xfe, 0xfd, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3])),
  fc.constant(Buffer.from('{"type":"event_callback","event":{"type":"message","text":"\xC3\x28"}}', 'latin1')),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.constant(Buffer.from('payload=%E0%A4%A')),
  fc.constant(Buffer.from('payload=%7B%22type%22%3A')),
);
export const contentTypes = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
  'application/xml',
);
