import { describe, expect, it } from 'vitest';
import { actionIdFromSlack, cardToBlockKit, LIMITS, renderMessages } from '../../bot/slack/render';
import { formToModal, parseCallbackId, promptToModal, viewValues } from '../../bot/slack/render-form';
import { truncate, slackInert } from '../../bot/slack/text';
import type { Card } from '../../domain/messages';
import { viewSubmissionSchema } from '../../bot/slack/schemas';
import { fixture, formStep } from './support';

type B = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: Record<string, unknown>[] };

const bigCard: Card = {
  title: 'T'.repeat(400),
  subtitle: 'Application CD-2023-0042',
  text: 'word '.repeat(2500),
  fields: Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: 'v'.repeat(2500) })),
  actions: Array.from({ length: 30 }, (_, i) => ({
    id: i % 2 ? 'review.approve' : 'review.reject',
    label: 'L'.repeat(100),
    value: `APP-${i}`,
  })),
  footer: 'Submitted 20 January 2023',
};

describe('Block Kit rendering', () => {
  it('keeps every block within Slack limits', () => {
    const blocks = cardToBlockKit(bigCard) as B[];
    const header = blocks[0]!;
    expect(header.type).toBe('header');
    expect(header.text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const b of blocks) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
      if (b.type === 'actions') {
        expect(b.elements!.length).toBeLessThanOrEqual(LIMITS.actionsPerBlock);
        const ids = b.elements!.map((e) => e.action_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of b.elements!) expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
      }
    }
    expect(blocks.filter((b) => b.fields).length).toBe(3);
    expect(blocks.filter((b) => b.type === 'actions').length).toBe(2);
    // All 30 buttons are there, and suffixed ids map back to the engine's ids.
    const ids = blocks.flatMap((b) => (b.type === 'actions' ? b.elements!.map((e) => actionIdFromSlack(String(e.action_id))) : []));
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set(['review.approve', 'review.reject']));
  });

  it('packs replies into messages of at most 50 blocks', () => {
    const messages = renderMessages(Array.from({ length: 20 }, () => ({ kind: 'card' as const, card: bigCard })));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    }
  });

  it('renders a review card with an Approve button carrying the id only', () => {
    const [header, text, section, actions] = cardToBlockKit({
      title: 'CD-2023-0042',
      text: 'Organisation <Example & Co>',
      fields: [{ label: 'Dialogue', value: 'Firearms' }],
      actions: [{ id: 'review.approve', label: 'Approve', value: 'app-1:firearms', style: 'primary' }],
    }) as B[];
    expect(header!.text!.text).toBe('CD-2023-0042');
    expect(text!.text!.text).toBe('Organisation &lt;Example &amp; Co&gt;');
    expect(section!.fields![0]!.text).toBe('*Dialogue*\nFirearms');
    expect(actions!.elements![0]).toMatchObject({ type: 'button', action_id: 'review.approve', value: 'app-1:firearms', style: 'primary' });
  });

  it('shows neutral text as it is: escaped, no Markdown turned into mrkdwn, no formatting', () => {
    expect(slackInert('a <b> & **c** [call](https://example.org/x?a=1&b=2)')).toBe(
      'a &lt;b&gt; &amp; \u200B*\u200B*c\u200B*\u200B* [call](https://example.org/x?a=1&amp;b=2)',
    );
    expect(truncate('ab<https://example.org|x>', 10)).toBe('ab…');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('modal rendering', () => {
  it('renders a form step with field ids as block and action ids and only the draft id as metadata', () => {
    const view = formToModal({ ...formStep(2), title: 'Application for the Constructive Dialogues' }) as Record<string, any>;
    expect(JSON.parse(view.private_metadata)).toEqual({ draftId: 'draft-1' });
    expect(parseCallbackId(view.callback_id)).toEqual({ kind: 'form', formId: 'application', stepId: 'step2' });
    // Slack cuts titles at 24 characters: the step count is the title, the whole step title the first block.
    expect(view.title.text).toBe('Step 2 of 3');
    const [header, name, dialogues] = view.blocks;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Application for the Constructive Dialogues', emoji: true },
    });
    expect(name).toMatchObject({
      type: 'input',
      block_id: 'organisationName',
      element: { type: 'plain_text_input', action_id: 'organisationName', max_length: 200 },
    });
    expect(dialogues).toMatchObject({ block_id: 'dialogueIds', element: { type: 'multi_static_select', action_id: 'dialogueIds' } });
  });

  it('uses option groups above 100 options and pre-fills saved answers', () => {
    const options = Array.from({ length: 250 }, (_, i) => ({ value: `c${i}`, label: `Country ${String(i).padStart(3, '0')}` }));
    const view = formToModal({
      ...formStep(1),
      fields: [
        { id: 'country', label: 'Country', kind: 'select', required: true, options, value: 'c120' },
        { id: 'consent', label: 'I agree', kind: 'checkbox', required: true, value: 'true' },
        { id: 'website', label: 'Website', kind: 'url', required: false, value: 'https://example.org' },
      ],
    }) as Record<string, any>;
    const [, country, consent, website] = view.blocks;
    expect(country.element.option_groups).toHaveLength(3);
    for (const g of country.element.option_groups) expect(g.options.length).toBeLessThanOrEqual(100);
    expect(country.element.initial_option.value).toBe('c120');
    expect(consent.element).toMatchObject({ type: 'checkboxes', initial_options: [{ value: 'true' }] });
    expect(website).toMatchObject({ optional: true, element: { initial_value: 'https://example.org' } });
  });

  it('renders a prompt as a one-input modal', () => {
    const view = promptToModal(
      { formId: 'review.reason', contextId: 'dd-1', title: 'Reason', label: 'Why?', submitLabel: 'Reject', maxLength: 500 },
      'C0REVIEWS',
    ) as Record<string, any>;
    expect(parseCallbackId(view.callback_id)).toEqual({ kind: 'prompt', formId: 'review.reason' });
    expect(JSON.parse(view.private_metadata)).toEqual({ contextId: 'dd-1', channel: 'C0REVIEWS' });
    expect(view.blocks[0]).toMatchObject({ block_id: 'text', element: { action_id: 'text', max_length: 500 } });
  });

  it('reads submitted values by block id from a recorded view_submission', () => {
    const payload = viewSubmissionSchema.parse(fixture('interactivity_view_submission.json'));
    expect(viewValues(payload.view)).toEqual({ full_name: 'Steve Example', programme: 'research', start_date: '2025-09-01' });
    const multi = viewSubmissionSchema.parse({
      ...payload,
      view: {
        ...payload.view,
        state: {
          values: {
            dialogueIds: { dialogueIds: { type: 'multi_static_select', selected_options: [{ value: 'firearms' }, { value: 'tip' }] } },
            consent: { consent: { type: 'checkboxes', selected_options: [] } },
            organisationName: { organisationName: { type: 'plain_text_input', value: null } },
          },
        },
      },
    });
    expect(viewValues(multi.view)).toEqual({ dialogueIds: ['firearms', 'tip'], consent: [], organisationName: '' });
  });
});
