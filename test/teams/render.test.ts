import { describe, expect, it } from 'vitest';
import type { FormView, PromptView } from '../../domain/messages';
import { cardToAdaptiveCard } from '../../bot/teams/render/card';
import { formToAdaptiveCard, promptToAdaptiveCard, withValuesAndErrors } from '../../bot/teams/render/form';
import { repliesToActivities, repliesToCard } from '../../bot/teams/render/replies';

const form: FormView = {
  formId: 'application',
  draftId: 'draft-1',
  stepId: 'contact',
  title: 'Apply',
  intro: 'Who are you?',
  stepNumber: 1,
  stepCount: 4,
  submitLabel: 'Next',
  fields: [
    { id: 'name', label: 'Full name', kind: 'text', required: true, maxLength: 200 },
    {
      id: 'email',
      label: 'Email',
      kind: 'email',
      required: true,
      pattern: '^[^@\\s]+@[^@\\s]+$',
      invalidMessage: 'Enter your email address, like name@example.org.',
    },
    { id: 'about', label: 'About', kind: 'textarea', required: false, help: 'A few lines', maxLength: 1500 },
    {
      id: 'type',
      label: 'Type',
      kind: 'select',
      required: true,
      options: [
        { value: 'ngo', label: 'NGO' },
        { value: 'academia', label: 'Academia' },
      ],
    },
    {
      id: 'dialogues',
      label: 'Dialogues',
      kind: 'multiselect',
      required: true,
      options: [
        { value: 'firearms', label: 'Firearms' },
        { value: 'ta', label: 'Technical assistance' },
      ],
    },
    { id: 'consent', label: 'Consent', kind: 'checkbox', required: true, help: 'I agree' },
  ],
};

const byId = (card: { body: Record<string, unknown>[] }, id: string) => card.body.find((e) => e.id === id)!;

describe('formToAdaptiveCard', () => {
  const card = formToAdaptiveCard(form);

  it('is an Adaptive Card 1.5 with the step in the title', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Apply (1/4)' });
  });

  it('carries client-side validation on the inputs', () => {
    expect(byId(card, 'name')).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 200, label: 'Full name' });
    // The field's own sentence, never one assembled from its label.
    expect(byId(card, 'email')).toMatchObject({
      style: 'Email',
      regex: '^[^@\\s]+@[^@\\s]+$',
      errorMessage: 'Enter your email address, like name@example.org.',
    });
    expect(byId(card, 'name')).not.toHaveProperty('errorMessage');
    expect(byId(card, 'about')).toMatchObject({ isMultiline: true, isRequired: false });
    expect(byId(card, 'type')).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: false,
      choices: [
        { title: 'NGO', value: 'ngo' },
        { title: 'Academia', value: 'academia' },
      ],
    });
    expect(byId(card, 'dialogues')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(byId(card, 'consent')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', title: 'I agree' });
  });

  it('submits with Action.Execute and an Action.Submit fallback carrying the same data', () => {
    const action = card.actions![0]!;
    expect(action).toMatchObject({
      type: 'Action.Execute',
      verb: 'form.submit',
      data: { formId: 'application', draftId: 'draft-1', stepId: 'contact', multi: ['dialogues'] },
      fallback: { type: 'Action.Submit', data: { verb: 'form.submit', formId: 'application', draftId: 'draft-1', stepId: 'contact' } },
    });
  });

  it('uses Action.Submit only inside a dialog', () => {
    const d = formToAdaptiveCard(form, { surface: 'dialog' });
    expect(d.actions![0]).toMatchObject({ type: 'Action.Submit', data: { verb: 'form.submit', draftId: 'draft-1' } });
  });

  it('shows server messages under the fields and keeps the values', () => {
    const again = formToAdaptiveCard(
      withValuesAndErrors(
        form,
        { name: 'Megan', email: 'nope', dialogues: ['firearms', 'ta'] },
        { email: 'Enter an email address like name@example.org' },
      ),
    );
    expect(byId(again, 'name')).toMatchObject({ value: 'Megan' });
    expect(byId(again, 'email')).toMatchObject({ value: 'nope', errorMessage: 'Enter an email address like name@example.org' });
    expect(byId(again, 'dialogues')).toMatchObject({ value: 'firearms,ta' });
    const i = again.body.findIndex((e) => e.id === 'email');
    expect(again.body[i + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'Attention',
      text: 'Enter an email address like name@example.org',
    });
  });

  it('renders a summary step as facts', () => {
    const summary = formToAdaptiveCard({
      ...form,
      stepId: 'confirm',
      fields: [],
      summary: [{ label: 'Organisation', value: 'Acme' }],
      submitLabel: 'Submit',
    });
    expect(summary.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Organisation', value: 'Acme' }] });
  });
});

describe('cardToAdaptiveCard', () => {
  it('renders title, fields and actions with verbs and values', () => {
    const card = cardToAdaptiveCard({
      title: 'CD-2023-0001',
      subtitle: 'Firearms',
      text: 'New application',
      fields: [{ label: 'Organisation', value: 'Acme' }],
      actions: [
        { id: 'review.approve', label: 'Approve', value: 'app-1|firearms', style: 'primary' },
        { id: 'review.reject', label: 'Reject', value: 'app-1|firearms', style: 'danger' },
      ],
      footer: 'Submitted 20 January 2023',
    });
    expect(card.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Organisation', value: 'Acme' }] });
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'review.approve',
        data: { value: 'app-1|firearms' },
        style: 'positive',
        fallback: expect.objectContaining({ data: { value: 'app-1|firearms', verb: 'review.approve' } }),
      }),
      expect.objectContaining({ verb: 'review.reject', style: 'destructive' }),
    ]);
  });

  it('offers the dialog next to Apply', () => {
    const card = cardToAdaptiveCard({ title: 'Open', actions: [{ id: 'apply', label: 'Apply' }] });
    expect(card.actions?.[1]).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' } } });
  });
});

describe('prompts and replies', () => {
  const prompt: PromptView = {
    formId: 'review.reason',
    contextId: 'reject|app-1|firearms',
    title: 'Reason',
    label: 'Why?',
    submitLabel: 'Reject',
    maxLength: 1000,
  };

  it('a prompt is one required Input.Text "text"', () => {
    const card = promptToAdaptiveCard(prompt, { error: 'Too short', value: 'no' });
    expect(byId(card, 'text')).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 1000, value: 'no' });
    expect(card.actions![0]).toMatchObject({
      verb: 'prompt.submit',
      data: { formId: 'review.reason', contextId: 'reject|app-1|firearms' },
    });
    expect(card.body).toContainEqual(expect.objectContaining({ text: 'Too short', color: 'Attention' }));
  });

  it('text replies become markdown messages with their sources; cards become attachments', () => {
    const acts = repliesToActivities([
      {
        kind: 'text',
        text: 'The deadline is 12 February 2023.',
        sources: [{ label: 'Call (2023)', quote: 'by 12 February 2023', url: 'https://example.org/call' }],
      },
      { kind: 'card', card: { title: 'Status' } },
    ]);
    expect(acts[0]).toMatchObject({ type: 'message', textFormat: 'markdown' });
    expect(acts[0]!.text).toContain('[Call (2023)](https://example.org/call)');
    expect(acts[1]!.attachments![0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard' },
    });
  });

  it('folds several replies into one card, the form last with its action', () => {
    const card = repliesToCard([
      { kind: 'text', text: 'Saved.' },
      { kind: 'form', form },
    ]);
    expect(card.body[0]).toMatchObject({ text: 'Saved.' });
    expect(card.actions).toHaveLength(1);
    expect(card.actions![0]).toMatchObject({ verb: 'form.submit' });
  });
});
