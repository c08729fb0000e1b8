/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file,
 * so a benchmark miss can be traced to a file and function. Usage: tsx bench/profile-summary.ts FILE [top]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  const short = (u: string) =>
    u
      .replace(/^file:\/\//, '')
      .replace(/.*\/node_modules\//, 'npm:')
      .replace(/^\/work\/main\//, '') || '(native)';
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const f = short(n.callFrame.url);
    const key = `${n.callFrame.functionName || '(anonymous)'} ${f}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = f.startsWith('npm:')
      ? f
          .split('/')
          .slice(0, f.startsWith('npm:@') ? 2 : 1)
          .join('/')
      : f;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + t);
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `total ${(total / 1000).toFixed(0)} ms\n-- self time by function --\n${fmt(byFn)}\n-- self time by file / package --\n${fmt(byFile)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(summarise(process.argv[2]!, Number(process.argv[3] ?? 25)));
}
