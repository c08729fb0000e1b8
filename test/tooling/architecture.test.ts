/**
 * The architecture, checked on every import: arrows point inward. The domain and the
 * conversation engine know nothing of HTTP, SQL, Node or a platform; adapters reach the database
 * only through the ports the core declares; only the Node entry and the SQLite driver touch
 * `node:`; and zod is imported as a namespace, which lets the Worker bundle drop what it does not use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

interface Import {
  file: string;
  from: string;
  typeOnly: boolean;
  line: string;
}

function imports(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    found.push({ file, from: m[3] ?? '', typeOnly: Boolean(m[2]), line: (m[0] ?? '').replace(/\s+/g, ' ').slice(0, 120) });
  }
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) found.push({ file, from: m[1] ?? '', typeOnly: false, line: m[0] ?? '' });
  return found;
}

/** The top-level folder an import points into, resolved from the importing file ('domain', 'db', …). */
function target(i: Import): string | null {
  if (!i.from.startsWith('.')) return null;
  const path = relative(ROOT, join(ROOT, i.file, '..', i.from));
  return path
    .split('/')
    .slice(0, path.startsWith('bot/') ? 2 : 1)
    .join('/');
}

const product = ['domain', 'bot', 'admin', 'db', 'server', 'lib'].flatMap(sources);
const all = product.flatMap(imports);
const show = (list: Import[]) => list.map((i) => `${i.file}: ${i.line}`);

describe('arrows point inward', () => {
  it('finds the product files and their imports', () => {
    expect(product.length).toBeGreaterThan(200);
    expect(all.length).toBeGreaterThan(1000);
  });

  it('the domain imports only itself and pure libraries', () => {
    const pure = /^(zod|luxon|minisearch|intl-messageformat|@orama\/(stemmers|stopwords)\/[a-z]+)$/;
    const bad = all.filter((i) => i.file.startsWith('domain/') && (i.from.startsWith('.') ? target(i) !== 'domain' : !pure.test(i.from)));
    expect(show(bad)).toEqual([]);
  });

  it('the conversation engine imports no platform, HTTP, SQL or Node code', () => {
    const bad = all.filter(
      (i) =>
        i.file.startsWith('bot/core/') &&
        (i.from.startsWith('.') ? !['domain', 'bot/core', 'lib'].includes(target(i) ?? '') : !i.typeOnly && !/^(zod|luxon)$/.test(i.from)),
    );
    expect(show(bad)).toEqual([]);
  });

  it('adapters reach the database and the server only through the ports of the core', () => {
    const adapters = /^bot\/(slack|teams|web|email|playground)\//;
    const bad = all.filter((i) => adapters.test(i.file) && ['db', 'server', 'admin'].includes(target(i) ?? ''));
    expect(show(bad)).toEqual([]);
  });

  it('the admin panel and the database layer do not import the server', () => {
    const bad = all.filter((i) => /^(admin|db|lib)\//.test(i.file) && target(i) === 'server');
    expect(show(bad)).toEqual([]);
  });

  it('only the Node entry, its helpers and the SQLite driver import node: modules', () => {
    const bad = all.filter((i) => i.from.startsWith('node:') && !/^(server\/node[^/]*\.ts|db\/connect-node\.ts)$/.test(i.file));
    expect(show(bad)).toEqual([]);
  });

  it('zod is imported as a namespace everywhere', () => {
    const bad = all.filter((i) => i.from === 'zod' && !/^import \* as z from 'zod'/.test(i.line) && !i.typeOnly);
    expect(show(bad)).toEqual([]);
  });
});
