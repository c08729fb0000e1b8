/**
 * Every card and message the product sends to Teams, from a run through both seeded calls (the
 * second with all five dialogues and the longest answers), checked as Teams would: Microsoft's
 * SDK with the Teams host config, the Adaptive Card 1.5 schema, the size budget, line breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardProblems, cardBytes, CARD_BUDGET_BYTES } from './support/adaptive';
import { actionsIn, driveTeams, type Emitted } from './support/teams-driver';

let run: Awaited<ReturnType<typeof driveTeams>>;
let emitted: Emitted[];
beforeAll(async () => {
  run = await driveTeams();
  emitted = run.emitted;
}, 120_000);
afterAll(() => run?.close());

const cards = () => emitted.filter((e): e is Emitted & { card: Record<string, any> } => e.card !== undefined);

describe('what the product sends to Teams', () => {
  it('covers every kind of card the product has', () => {
    const all = JSON.stringify(cards().map((c) => c.card));
    for (const expected of [
      'How I can help',
      'Applications closed',
      'Applications are open',
      'Your application is not sent yet',
      '"Dialogues (1/',
      'Your organisation',
      'Representatives',
      'Travel support',
      'Personal data',
      'Check and submit your application',
      'Application received',
      'New application',
      'Reason',
      'Answer the reviewers',
      'Withdrawn by the applicant',
      'Updated and back for review',
    ])
      expect(all).toContain(expected);
    expect(cards().length).toBeGreaterThan(50);
  });

  it('every card passes the adaptivecards SDK with the Teams host config, the 1.5 schema and the size budget', () => {
    const failures = cards()
      .map((c) => ({ where: c.where, title: c.card.body?.[0]?.text, problems: adaptiveCardProblems(c.card) }))
      .filter((f) => f.problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('every card stays under 24 KB, the largest included', () => {
    const largest = cards()
      .map((c) => ({ where: c.where, title: c.card.body?.[0]?.text, bytes: cardBytes(c.card) }))
      .sort((a, b) => b.bytes - a.bytes)[0]!;
    expect(largest.bytes).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('a review card with five dialogues keeps every decision within the buttons Teams shows', () => {
    const review = cards().find((c) => actionsIn(c.card).filter((a) => a.verb === 'review.approve').length === 5)!;
    expect(review).toBeDefined();
    expect(review.card.actions ?? []).toHaveLength(0);
    const sets = (review.card.body as Record<string, any>[]).filter((e) => e.type === 'ActionSet');
    expect(sets).toHaveLength(5);
    for (const set of sets)
      expect(set.actions.map((a: { verb: string }) => a.verb)).toEqual(['review.approve', 'review.reject', 'review.request_info']);
  });

  it('the step count stays the same from the first step to the summary', () => {
    const counts = new Set(
      cards()
        .map((c) => /\((\d+)\/(\d+)\)$/.exec(String(c.card.body?.[0]?.text ?? ''))?.[2])
        .filter(Boolean),
    );
    expect([...counts]).toEqual(['7']);
  });

  it('chat messages never rely on a single line break', () => {
    const texts = emitted.filter((e) => e.text !== undefined);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((e) => /(^|[^\n])\n(?!\n)/.test(e.text!))).toEqual([]);
  });
});
