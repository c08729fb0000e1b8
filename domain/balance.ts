/**
 * Balance where decisions are made: how many participants are already recommended or approved
 * for a dialogue, by gender and by UN regional group, and what one more application would add.
 * The call promises "maximum efforts ... to ensure diversity of gender and geographical
 * representation"; reviewers see this on every card, the secretariat per stage on the balance page.
 */
import { regionalGroupOf } from './countries';
import { groupName } from './regional-groups';
import { t, type Locale } from './i18n';
import type { ApplicationAnswers, Gender } from './types';

/** Recommended + approved for one dialogue: people by gender, organisations by regional group. */
export interface StageCounts {
  gender: Partial<Record<Gender, number>>;
  region: Record<string, number>;
}

/** What the secretariat aims for: a share (0..1) per gender and per regional group, per call. */
export interface BalanceTargets {
  gender?: Partial<Record<Gender, number>>;
  region?: Record<string, number>;
}

const sum = (r: Partial<Record<string, number>>): number => Object.values(r).reduce<number>((n, v) => n + (v ?? 0), 0);

/** The reviewer card's line for one dialogue (this application not yet counted in `counts`). */
export function balanceLine(locale: Locale, dialogue: string, counts: StageCounts, answers: Partial<ApplicationAnswers>): string {
  const group = answers.country ? regionalGroupOf(answers.country) : 'Other';
  const reps = answers.representatives ?? [];
  const add = (g: Gender) => reps.filter((r) => r.gender === g).length;
  const women = counts.gender.female ?? 0;
  const men = counts.gender.male ?? 0;
  const total = sum(counts.gender);
  return t(locale, 'rounds.balance.line', {
    dialogue,
    group: groupName(group, locale),
    groupCount: counts.region[group] ?? 0,
    total,
    women,
    men,
    others: total - women - men,
    addWomen: add('female'),
    addMen: add('male'),
    addOthers: reps.length - add('female') - add('male'),
  });
}

/**
 * Groups whose share among `counts` is below the target (only groups with a target). `total` is
 * the denominator: people for gender, organisations for regions.
 */
export function underTarget(counts: Record<string, number>, targets: Record<string, number> | undefined): Set<string> {
  const out = new Set<string>();
  if (!targets) return out;
  const total = sum(counts);
  for (const [key, share] of Object.entries(targets)) {
    if (!(share > 0)) continue;
    const have = total ? (counts[key] ?? 0) / total : 0;
    if (have < share) out.add(key);
  }
  return out;
}
