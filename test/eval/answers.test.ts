/**
 * The answer evaluation as a test: the held-out questions (written by people who did not write
 * the FAQ, never tuned on) must stay correct at the measured bar with no wrong fact at all, and
 * our own paraphrases (test/fixtures/answer-questions) must stay right too.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionFiles, runEval, summarize, type Outcome } from './runner';

// The issue's bar: the held-out files at 95% or better (measured 194/204 when it was set),
// raised to 98% at 204/204. Raise it as answers improve; never lower it to pass.
const HOLDOUT_BAR = 0.98;

const describeFailures = (os: Outcome[]) =>
  os
    .filter((o) => !o.correct)
    .map((o) => `${o.id}: ${o.q} -> ${o.kind}${o.wrongFacts.length ? ` WRONG ${o.wrongFacts.join(', ')}` : ''}`)
    .join('\n');

describe('answer evaluation', () => {
  it('held-out questions: correct at the bar, no wrong fact, in the asker’s language', async () => {
    const files = loadQuestionFiles(resolve(__dirname, 'questions')).filter((f) => f.split === 'holdout');
    expect(files.map((f) => f.lang).sort()).toEqual(['en', 'es', 'fr']);
    const outcomes = await runEval(files);
    const s = summarize(outcomes);
    expect(outcomes.filter((o) => o.wrongFacts.length > 0).map((o) => `${o.id}: ${o.wrongFacts.join(', ')}`)).toEqual([]);
    expect(s.correct / s.n, describeFailures(outcomes)).toBeGreaterThanOrEqual(HOLDOUT_BAR);
    for (const lang of ['fr', 'es'] as const) {
      const own = summarize(outcomes.filter((o) => o.lang === lang));
      expect(own.languageOk / own.n).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);

  it('our own paraphrases, before and after the deadline', async () => {
    const outcomes = await runEval(loadQuestionFiles(resolve(__dirname, '../fixtures/answer-questions')));
    expect(outcomes.length).toBeGreaterThan(50);
    expect(describeFailures(outcomes)).toBe('');
    expect(outcomes.filter((o) => !o.languageOk).map((o) => o.id)).toEqual([]);
  }, 120_000);
});
