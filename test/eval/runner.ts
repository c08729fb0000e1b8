/**
 * The answer evaluation: each question asked once, as a fresh applicant, through the same engine
 * the playground talks to, on a database seeded from the 2023 call, with the clock set before
 * ("open") or after ("closed") the deadline. A reply is judged on its kind, the facts it must
 * carry, the wrong facts it must not, and its language; its CPU time is measured around the
 * engine call (SQLite work included: better-sqlite3 runs on this thread).
 */
import { QUESTION_ACTIONS } from '../../domain/actions';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { francAll } from 'franc-min';
import type { Reply } from '../../domain/messages';
import { createTestApp, type TestApp } from '../support/harness';

export const CLOCKS = { open: '2023-01-20T09:00:00Z', closed: '2023-03-01T09:00:00Z' } as const;
export const LANGS = ['en', 'fr', 'es'] as const;
export const SPLITS = ['tune', 'holdout'] as const;
export type Lang = (typeof LANGS)[number];
export type Split = (typeof SPLITS)[number];
export type Kind = 'answer' | 'smalltalk' | 'unsure' | 'apply';

const fact = z.array(z.string().min(1)).min(1);
export const questionSchema = z.object({
  id: z.string(),
  q: z.string(),
  at: z.enum(['open', 'closed']),
  expect: z.object({
    kind: z.enum(['answer', 'smalltalk', 'unsure', 'apply']),
    all: z.array(fact).optional(),
    none: z.array(fact).optional(),
  }),
});
export type Question = z.infer<typeof questionSchema>;

export interface QuestionFile {
  lang: Lang;
  split: Split;
  questions: Question[];
}

export interface Outcome {
  id: string;
  lang: Lang;
  split: Split;
  at: 'open' | 'closed';
  q: string;
  expected: Kind;
  kind: Kind;
  offersApply: boolean;
  correct: boolean;
  missing: string[][];
  wrongFacts: string[];
  replyLanguage: string;
  languageOk: boolean;
  cpuMs: number;
  text: string;
}

/** The question files in `dir` named `<lang>-<split>.json`; none when the folder is absent. */
export function loadQuestionFiles(dir: string): QuestionFile[] {
  if (!existsSync(dir)) return [];
  const files: QuestionFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = /^(en|fr|es)-(tune|holdout)\.json$/.exec(name);
    if (!m) continue;
    const questions = z.array(questionSchema).parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    files.push({ lang: m[1] as Lang, split: m[2] as Split, questions });
  }
  return files;
}

/** Lower case, no accents, one apostrophe, single spaces: how facts are matched. */
export const foldText = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/gu, "'")
    .replace(/\s+/gu, ' ');

const isFollowUps = (card: { actions?: { id: string }[] }): boolean =>
  (card.actions ?? []).length > 0 && card.actions!.every((a) => a.id === QUESTION_ACTIONS.ask);

/** Everything a person sees: texts, card titles and texts, fields, actions and sources with their quotes. */
export function fullText(replies: Reply[]): string {
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === 'text') {
      out.push(r.text);
      for (const s of r.sources ?? []) out.push(s.label, s.quote ?? '', s.url ?? '');
    } else if (r.kind === 'card') {
      // Related questions offered as buttons under an answer are offers to ask, not facts the
      // answer states: a question about the report may be suggested where the report is not the answer.
      if (isFollowUps(r.card)) continue;
      out.push(r.card.title, r.card.subtitle ?? '', r.card.text ?? '', ...(r.card.fields ?? []).flatMap((f) => [f.label, f.value]));
      out.push(...(r.card.actions ?? []).map((a) => a.label));
    } else if (r.kind === 'form') out.push(r.form.title, r.form.intro ?? '', ...r.form.fields.map((f) => f.label));
    else out.push(r.prompt.title, r.prompt.label);
  }
  return out.filter(Boolean).join('\n');
}

// What the bot itself wrote (not the quoted English call text): what its language is judged on.
function ownWords(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.kind === 'text') return r.text;
      if (r.kind === 'card') return isFollowUps(r.card) ? '' : `${r.card.title} ${r.card.text ?? ''}`;
      if (r.kind === 'form') return `${r.form.title} ${r.form.intro ?? ''} ${r.form.fields.map((f) => f.label).join(' ')}`;
      return `${r.prompt.title} ${r.prompt.label}`;
    })
    .join(' ');
}

const FRANC: Record<string, Lang> = { eng: 'en', fra: 'fr', spa: 'es' };
export function replyLanguage(replies: Reply[]): string {
  const [top] = francAll(ownWords(replies), { only: Object.keys(FRANC), minLength: 1 });
  return top ? (FRANC[top[0]] ?? 'und') : 'und';
}

function kindOf(replies: Reply[], recorded: boolean): { kind: Kind; offersApply: boolean } {
  const offersApply = replies.some(
    (r) => r.kind === 'form' || (r.kind === 'card' && (r.card.actions ?? []).some((a) => a.id === 'apply' || a.id === 'resume')),
  );
  if (replies.some((r) => r.kind === 'form')) return { kind: 'apply', offersApply };
  const sources = replies.flatMap((r) => (r.kind === 'text' ? (r.sources ?? []) : []));
  // A source that quotes or names something is an answer; "the dialogues in the call" alone
  // goes with "no such dialogue", which is recorded for the secretariat like any unsure reply.
  const factual =
    sources.some((s) => s.quote !== null) || sources.length > 1 || replies.some((r) => r.kind === 'card' && !!r.card.subtitle);
  if (recorded && !factual) return { kind: 'unsure', offersApply };
  if (factual || sources.length) return { kind: 'answer', offersApply };
  return { kind: recorded ? 'unsure' : 'smalltalk', offersApply };
}

function judge(q: Question, kind: Kind, offersApply: boolean): boolean {
  if (q.expect.kind === 'apply') return kind === 'apply' || offersApply;
  return kind === q.expect.kind;
}

async function unansweredCount(t: TestApp): Promise<number> {
  // Questions only: asking for a person goes to the secretariat too, as a request for contact.
  const row = await t.deps.db
    .selectFrom('unanswered_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'question')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asks every question of `files` and judges each reply. */
export async function runEval(files: QuestionFile[]): Promise<Outcome[]> {
  const apps = { open: await createTestApp({ now: CLOCKS.open }), closed: await createTestApp({ now: CLOCKS.closed }) };
  const outcomes: Outcome[] = [];
  let n = 0;
  try {
    // The index is built on the first question after a catalogue read; that is start-up cost,
    // not answer time.
    for (const t of Object.values(apps)) {
      await t.deps.engine.handle({
        kind: 'message',
        text: 'When is the deadline?',
        conversation: { id: 'playground:warm-up', isDirect: true },
        actor: { platform: 'playground', userId: 'warm-up', scope: 'local', displayName: 'warm-up' },
      });
    }
    for (const file of files) {
      for (const q of file.questions) {
        const t = apps[q.at];
        const before = await unansweredCount(t);
        const userId = `eval-${++n}`;
        const cpu = process.cpuUsage();
        const result = await t.deps.engine.handle({
          kind: 'message',
          text: q.q,
          conversation: { id: `playground:${userId}`, isDirect: true },
          actor: { platform: 'playground', userId, scope: 'local', displayName: userId },
        });
        const used = process.cpuUsage(cpu);
        const recorded = (await unansweredCount(t)) > before;
        const { kind, offersApply } = kindOf(result.replies, recorded);
        const text = fullText(result.replies);
        const folded = foldText(text);
        const has = (alt: string) => folded.includes(foldText(alt));
        const missing = (q.expect.all ?? []).filter((alts) => !alts.some(has));
        const wrongFacts = (q.expect.none ?? []).flat().filter(has);
        const lang = replyLanguage(result.replies);
        outcomes.push({
          id: q.id,
          lang: file.lang,
          split: file.split,
          at: q.at,
          q: q.q,
          expected: q.expect.kind,
          kind,
          offersApply,
          correct: judge(q, kind, offersApply) && missing.length === 0 && wrongFacts.length === 0,
          missing,
          wrongFacts,
          replyLanguage: lang,
          languageOk: lang === file.lang,
          cpuMs: (used.user + used.system) / 1000,
          text,
        });
      }
    }
  } finally {
    await apps.open.close();
    await apps.closed.close();
  }
  return outcomes;
}

export interface Summary {
  n: number;
  correct: number;
  wrongFacts: number;
  languageOk: number;
  p50: number;
  p95: number;
}

export function summarize(outcomes: Outcome[]): Summary {
  const cpu = outcomes.map((o) => o.cpuMs).sort((a, b) => a - b);
  const at = (p: number) => (cpu.length ? cpu[Math.min(cpu.length - 1, Math.floor(p * cpu.length))]! : 0);
  return {
    n: outcomes.length,
    correct: outcomes.filter((o) => o.correct).length,
    wrongFacts: outcomes.filter((o) => o.wrongFacts.length > 0).length,
    languageOk: outcomes.filter((o) => o.languageOk).length,
    p50: at(0.5),
    p95: at(0.95),
  };
}
