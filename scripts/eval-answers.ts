/**
 * `npm run eval:answers`: asks the question set (test/eval/questions/<lang>-<split>.json) through
 * the engine and prints accuracy, wrong facts, language match and answer CPU time per language
 * and split, and per clock (call open / closed).
 *
 *   npm run eval:answers                         every file
 *   npm run eval:answers -- --split tune         one split
 *   npm run eval:answers -- --failures           also list each wrong reply
 *   npm run eval:answers -- --dir path/to/files  another question set in the same format
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, loadQuestionFiles, runEval, SPLITS, summarize, type Outcome } from '../test/eval/runner';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'test/eval/questions' },
    split: { type: 'string' },
    lang: { type: 'string' },
    failures: { type: 'boolean', default: false },
  },
});

const files = loadQuestionFiles(resolve(values.dir!))
  .filter((f) => !values.split || f.split === values.split)
  .filter((f) => !values.lang || f.lang === values.lang);
if (!files.length) {
  console.error(`No question files (<lang>-<split>.json) in ${values.dir}.`);
  process.exit(1);
}

const outcomes = await runEval(files);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const rows: string[][] = [['set', 'n', 'correct', 'wrong facts', 'language', 'cpu p50 ms', 'cpu p95 ms']];
const add = (label: string, os: Outcome[]) => {
  if (!os.length) return;
  const s = summarize(os);
  rows.push([
    label,
    String(s.n),
    `${s.correct} (${pct(s.correct, s.n)})`,
    String(s.wrongFacts),
    `${s.languageOk} (${pct(s.languageOk, s.n)})`,
    s.p50.toFixed(2),
    s.p95.toFixed(2),
  ]);
};
for (const split of SPLITS) {
  for (const lang of LANGS)
    add(
      `${lang} ${split}`,
      outcomes.filter((o) => o.lang === lang && o.split === split),
    );
  for (const at of ['open', 'closed'] as const)
    add(
      `all ${split} (${at})`,
      outcomes.filter((o) => o.split === split && o.at === at),
    );
  add(
    `all ${split}`,
    outcomes.filter((o) => o.split === split),
  );
}
add('all', outcomes);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

if (values.failures) {
  for (const o of outcomes.filter((x) => !x.correct || !x.languageOk)) {
    console.log(`\n✗ ${o.id} [${o.lang} ${o.split} ${o.at}] ${JSON.stringify(o.q)}`);
    console.log(`  expected ${o.expected}, got ${o.kind}${o.offersApply ? ' (offers to apply)' : ''}; reply language ${o.replyLanguage}`);
    if (o.missing.length) console.log(`  missing: ${o.missing.map((m) => m.join(' | ')).join('; ')}`);
    if (o.wrongFacts.length) console.log(`  WRONG FACTS: ${o.wrongFacts.join('; ')}`);
    console.log(`  reply: ${o.text.split('\n').slice(0, 4).join(' / ').slice(0, 400)}`);
  }
}
