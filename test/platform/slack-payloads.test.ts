/**
 * Every message and modal the product sends to Slack, from a run through both seeded calls (the
 * second with all five dialogues and the longest answers), checked against Slack's documented
 * Block Kit limits; nothing the product shortened itself may carry meaning.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardToBlockKit } from '../../bot/slack/render';
import { call2023 } from '../../db/seed-data/call-2023';
import { formToModal } from '../../bot/slack/render-form';
import { messageProblems, viewProblems } from './support/slack';
import { driveSlack, type SlackEmitted } from './support/slack-driver';

let run: Awaited<ReturnType<typeof driveSlack>>;
let emitted: SlackEmitted[];
beforeAll(async () => {
  run = await driveSlack();
  emitted = run.emitted;
}, 120_000);
afterAll(() => run?.close());

describe('what the product sends to Slack', () => {
  it('covers messages and modals of every kind', () => {
    const all = JSON.stringify(emitted.map((e) => e.payload));
    for (const expected of [
      'How I can help',
      'Applications closed',
      'Applications are open',
      'Your application is not sent yet',
      'Check and submit',
      'Application received',
      'New application',
      'Answer the reviewers',
      'Withdrawn by the applicant',
      'Updated and back for review',
    ])
      expect(all).toContain(expected);
    expect(emitted.filter((e) => e.kind === 'message').length).toBeGreaterThan(40);
    expect(emitted.filter((e) => e.kind === 'view').length).toBeGreaterThan(10);
  });

  it("every payload keeps within Slack's limits and nothing meaningful is cut", () => {
    const failures = emitted
      .map((e) => ({ where: e.where, problems: e.kind === 'message' ? messageProblems(e.payload) : viewProblems(e.payload) }))
      .filter((f) => f.problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('the renderers produce Block Kit as @slack/types describes it', () => {
    // Type-level: these assignments are checked by `npm run typecheck`.
    const blocks: KnownBlock[] = cardToBlockKit({ title: 'T', text: 'x', sections: [{ text: 's', actions: [{ id: 'a', label: 'A' }] }] });
    const modal: ModalView = formToModal({
      formId: 'application',
      draftId: 'd',
      stepId: 's',
      title: 'T',
      stepNumber: 1,
      stepCount: 2,
      fields: [],
      submitLabel: 'Next',
    });
    expect(blocks.length).toBeGreaterThan(0);
    expect(modal.type).toBe('modal');
  });
});

describe('the seeded FAQ', () => {
  it('asks every question in words that fit a Slack button (75 characters), in every language', () => {
    const tooLong = call2023.faq.flatMap((f) =>
      [f.question, ...Object.values(f.translations ?? {}).map((t) => t.question)]
        .filter((q) => [...q].length > 75)
        .map((q) => `${f.id}: ${q}`),
    );
    expect(tooLong).toEqual([]);
  });
});
