/**
 * Every setting the server reads is explained where an operator looks for it: a row in README's
 * settings table and a line in .env.example. A new setting without both fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../server/config';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const settings = Object.keys(configSchema.in.shape);

describe('the settings', () => {
  it('are read from a schema with dozens of them', () => {
    expect(settings.length).toBeGreaterThan(30);
  });

  it('each have a row in README.md', () => {
    // The first cell of a table row names one or more settings: | `HOST`, `PORT` | default | meaning |
    const named = new Set(
      read('README.md')
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
    );
    expect(settings.filter((s) => !named.has(s))).toEqual([]);
  });

  it('each have a line in .env.example', () => {
    const example = read('.env.example');
    expect(settings.filter((s) => !new RegExp(`^#?\\s?${s}=`, 'm').test(example))).toEqual([]);
  });
});
