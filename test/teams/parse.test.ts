import { describe, expect, it } from 'vitest';
import { actorOf, conversationRefOf, intentOf, stripMention } from '../../bot/teams/parse';
import { referenceOf } from '../../bot/teams/conversations';
import { activitySchema } from '../../bot/teams/schema';
import { fixture } from './support';

const parse = (name: string, patch: Record<string, unknown> = {}) =>
  activitySchema.parse({ ...fixture<Record<string, unknown>>(name), ...patch });

describe('Teams activities to neutral intents', () => {
  it('a personal message: actor from the AAD id, tenant and local zone', () => {
    const a = parse('message_personal');
    expect(actorOf(a)).toEqual({
      platform: 'teams',
      userId: '11111111-2222-3333-4444-555555555555',
      scope: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      displayName: 'Megan Bowen',
      timeZone: 'Europe/Berlin',
      locale: 'en-US',
    });
    expect(conversationRefOf(a)).toEqual({ id: 'a:1xYzPersonalConversationId', isDirect: true });
    expect(intentOf(a)).toEqual({ type: 'message', text: 'what is the application deadline?' });
  });

  it("the web form's dialog.url.submit({reference}) is its own intent; anything else without a verb is refused", () => {
    expect(intentOf(parse('invoke_task_submit', { value: { data: { reference: 'CD-2023-0001' } } }))).toEqual({
      type: 'dialog_done',
      reference: 'CD-2023-0001',
    });
    expect(intentOf(parse('invoke_task_submit', { value: { data: { reference: '<b>x</b>' } } }))).toMatchObject({ type: 'bad_request' });
    expect(intentOf(parse('invoke_task_submit', { value: { data: { reference: 42 } } }))).toMatchObject({ type: 'bad_request' });
  });

  it('ignores a zone that is not IANA', () => {
    expect(actorOf(parse('message_personal', { localTimezone: 'Mars/Olympus', entities: [] }))?.timeZone).toBeUndefined();
  });

  it('a channel mention: the bot mention is stripped', () => {
    const a = parse('message_channel_mention');
    expect(stripMention(a)).toBe('what is the application deadline?');
    expect(conversationRefOf(a).isDirect).toBe(false);
    expect(referenceOf(a)).toMatchObject({ id: '19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.tacv2', kind: 'channel', userId: null });
  });

  it('Action.Execute on a card action', () => {
    const a = parse('invoke_adaptive_card_action', {
      value: { action: { type: 'Action.Execute', verb: 'review.approve', data: { value: 'app-1|firearms' } }, trigger: 'manual' },
    });
    expect(intentOf(a)).toEqual({ type: 'action', actionId: 'review.approve', value: 'app-1|firearms' });
  });

  it('Action.Execute on a form step: ids from the data, inputs as values, multi-selects split', () => {
    const a = parse('invoke_adaptive_card_action', {
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'form.submit',
          data: {
            formId: 'application',
            draftId: 'd1',
            stepId: 'contact',
            multi: ['dialogues'],
            name: 'Megan',
            dialogues: 'firearms,ta',
            consent: true,
          },
        },
      },
    });
    expect(intentOf(a)).toEqual({
      type: 'submission',
      formId: 'application',
      contextId: 'd1',
      stepId: 'contact',
      values: { name: 'Megan', dialogues: ['firearms', 'ta'], consent: 'true' },
    });
  });

  it('the Action.Submit fallback (message with value) gives the same intent', () => {
    const a = parse('message_action_submit', {
      value: { verb: 'form.submit', formId: 'application', draftId: 'd1', stepId: 'contact', name: 'Megan' },
    });
    expect(intentOf(a)).toEqual({
      type: 'submission',
      formId: 'application',
      contextId: 'd1',
      stepId: 'contact',
      values: { name: 'Megan' },
    });
  });

  it('a prompt answer comes back as {text}', () => {
    const a = parse('invoke_adaptive_card_action', {
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'prompt.submit',
          data: { formId: 'review.reason', contextId: 'reject|a|b', text: 'Out of scope' },
        },
      },
    });
    expect(intentOf(a)).toMatchObject({
      type: 'submission',
      formId: 'review.reason',
      contextId: 'reject|a|b',
      values: { text: 'Out of scope' },
    });
  });

  it('task/fetch, task/submit and installation', () => {
    expect(intentOf(parse('invoke_task_fetch'))).toEqual({ type: 'task_fetch' });
    const submit = parse('invoke_task_submit', {
      value: { data: { verb: 'form.submit', formId: 'application', draftId: 'd1', stepId: 's', name: 'M' } },
    });
    expect(intentOf(submit)).toMatchObject({ type: 'submission', contextId: 'd1' });
    expect(intentOf(parse('conversation_update_bot_added_personal'))).toEqual({ type: 'installed' });
    expect(intentOf(parse('conversation_update_bot_added_team'))).toEqual({ type: 'installed' });
  });

  it('malformed action data is a bad request, not a crash', () => {
    expect(intentOf(parse('invoke_adaptive_card_action', { value: { nope: 1 } }))).toMatchObject({ type: 'bad_request' });
    expect(intentOf(parse('message_action_submit', { value: { verb: 'form.submit' } }))).toMatchObject({ type: 'bad_request' });
  });

  it('a personal install stores a reference with the user MRI for proactive messages', () => {
    expect(referenceOf(parse('conversation_update_bot_added_personal'))).toMatchObject({
      id: 'a:1xYzPersonalConversationId',
      kind: 'personal',
      userId: '11111111-2222-3333-4444-555555555555',
      userMri: '29:1abcUserMri',
      botId: '28:00000000-0000-0000-0000-0000000b0701',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
  });
});
