import { describe, expect, it } from 'vitest';
import {
  applicableSteps,
  CONSENT_TEXT,
  FORM_ID,
  firstIncompleteStepId,
  formView,
  nextStepId,
  reviewerFields,
  STEPS,
  stepById,
  summaryFields,
  toRaw,
  validateApplication,
  type FormContext,
  type RawValues,
} from '../../domain/form';
import type { ApplicationAnswers, Call, Dialogue } from '../../domain/types';

const dialogue = (id: string, shortName: string, sortOrder: number): Dialogue => ({
  id,
  name: `Constructive Dialogue on ${shortName}`,
  shortName,
  date: '2023-05-05',
  format: 'hybrid',
  location: 'Vienna, Austria, and online',
  description: '',
  status: 'active',
  callNote: null,
  sortOrder,
});
const dialogues = [
  dialogue('technical-assistance', 'Technical Assistance', 2),
  dialogue('firearms', 'Firearms', 1),
  dialogue('smuggling', 'Smuggling of Migrants', 5),
];
const call: Call = {
  id: 'cd-2023',
  title: 'Call 2023',
  referencePrefix: 'CD-2023',
  dialogueIds: ['firearms', 'technical-assistance'],
  opensAt: '2023-01-05T08:00:00Z',
  closesAt: '2023-02-12T23:00:00Z',
  zone: 'Europe/Vienna',
  archived: false,
};
const ctx: FormContext = { dialogues, calls: [call], now: new Date('2023-01-20T10:00:00Z'), callId: 'cd-2023' };

const complete: ApplicationAnswers = {
  dialogueIds: ['firearms'],
  participation: 'in_person',
  organisationName: 'Small Arms Survey Network',
  stakeholderType: 'ngo',
  organisationFocus: 'grassroots',
  country: 'KE',
  website: 'https://example.org/',
  areasOfWork: 'Community violence reduction and arms control.',
  relevance: { firearms: 'We collect data on illicit firearms trafficking.' },
  representatives: [
    { name: 'Amina Odhiambo', gender: 'female', email: 'amina@example.org', role: 'Director', nationality: 'KE' },
    { name: 'Jon Berg', gender: 'male', email: 'jon@example.org', role: 'Researcher', nationality: 'NO' },
  ],
  travelSupport: true,
  travelJustification: 'We are a small volunteer organisation without a travel budget.',
  consent: true,
};

const parse = (stepId: string, raw: RawValues, answers: Partial<ApplicationAnswers> = complete) =>
  stepById(stepId)!.parse(raw, answers, ctx);
const errorsOf = (stepId: string, raw: RawValues, answers?: Partial<ApplicationAnswers>) => {
  const r = parse(stepId, raw, answers);
  return r.ok ? {} : r.errors;
};
const orgRaw = (over: RawValues = {}): RawValues => ({ ...toRaw(complete), ...over });

describe('step order', () => {
  it('has the fixed step ids', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['dialogues', 'organisation', 'relevance', 'representatives', 'travel', 'consent']);
    expect(stepById('confirm')).toBeUndefined();
  });

  it('skips travel unless the organisation is eligible', () => {
    expect(applicableSteps(complete, ctx).map((s) => s.id)).toContain('travel');
    expect(applicableSteps({ ...complete, participation: 'online' }, ctx).map((s) => s.id)).not.toContain('travel');
    expect(applicableSteps({ ...complete, organisationFocus: 'none' }, ctx).map((s) => s.id)).not.toContain('travel');
    expect(applicableSteps({}, ctx).map((s) => s.id)).not.toContain('travel');
  });

  it('walks to confirm', () => {
    expect(nextStepId(null, {}, ctx)).toBe('dialogues');
    expect(nextStepId('representatives', complete, ctx)).toBe('travel');
    expect(nextStepId('representatives', { ...complete, participation: 'online' }, ctx)).toBe('consent');
    expect(nextStepId('consent', complete, ctx)).toBe('confirm');
    expect(nextStepId('confirm', complete, ctx)).toBe('confirm');
  });
});

describe('dialogues step', () => {
  it('offers the call’s dialogues only, in order', () => {
    const [ids] = stepById('dialogues')!.fields({}, ctx);
    expect(ids?.options?.map((o) => o.value)).toEqual(['firearms', 'technical-assistance']);
  });

  it.each<[RawValues, string[]]>([
    [{ dialogueIds: ['technical-assistance', 'firearms'] }, ['firearms', 'technical-assistance']],
    [{ dialogueIds: 'firearms, technical-assistance' }, ['firearms', 'technical-assistance']],
    [{ dialogueIds: 'firearms,,firearms' }, ['firearms']],
    [{ dialogueIds: ['Firearms'] }, ['firearms']],
    [{ dialogueIds: ['firearms,technical-assistance'] }, ['firearms', 'technical-assistance']],
  ])('parses multiselect %j', (raw, ids) => {
    expect(parse('dialogues', { ...raw, participation: 'online' })).toEqual({
      ok: true,
      patch: { dialogueIds: ids, participation: 'online' },
    });
  });

  it('explains what is missing', () => {
    expect(errorsOf('dialogues', {})).toEqual({
      dialogueIds: 'Choose at least one dialogue.',
      participation: 'Choose whether you will take part in person or online.',
    });
    expect(errorsOf('dialogues', { dialogueIds: ['smuggling'], participation: 'In person' })).toEqual({
      dialogueIds: 'Choose dialogues from the list; some of those are not part of this call.',
    });
  });
});

describe('organisation step', () => {
  it('accepts and normalises good answers', () => {
    const r = parse(
      'organisation',
      orgRaw({ organisationName: '  Arms Watch ', country: 'Ivory Coast', website: 'example.org', stakeholderType: 'Private sector' }),
    );
    expect(r).toMatchObject({
      ok: true,
      patch: { organisationName: 'Arms Watch', country: 'CI', website: 'https://example.org/', stakeholderType: 'private_sector' },
    });
  });

  it.each<[RawValues, string, string]>([
    [{ organisationName: '' }, 'organisationName', 'Enter the name of your organisation.'],
    [{ organisationName: 'A' }, 'organisationName', 'The organisation name must be at least 2 characters.'],
    [{ organisationName: 'A'.repeat(201) }, 'organisationName', 'This answer must be at most 200 characters (it has 201).'],
    [{ organisationName: 'Arms\nWatch' }, 'organisationName', 'This answer must be on one line, without special characters.'],
    [{ stakeholderType: 'government' }, 'stakeholderType', 'Choose the type of your organisation, for example Academia or Private sector.'],
    [
      { organisationFocus: '' },
      'organisationFocus',
      'Tell us whether your organisation is grassroots, victim-led or victim-focused, or choose "None of these".',
    ],
    [{ country: '' }, 'country', 'Choose the country where your organisation is based.'],
    [{ country: 'Atlantis' }, 'country', 'We could not find a country called "Atlantis". Choose one from the list.'],
    [{ website: '' }, 'website', "Enter your organisation's website (or a page about it), like https://example.org."],
    [{ website: 'ftp://example.org' }, 'website', 'Enter a website address like https://example.org.'],
    [{ website: 'not a site' }, 'website', 'Enter a website address like https://example.org.'],
    [{ website: 'localhost' }, 'website', 'Enter a website address like https://example.org.'],
    [{ website: `https://example.org/${'a'.repeat(300)}` }, 'website', 'The website address must be at most 300 characters.'],
    [{ areasOfWork: '' }, 'areasOfWork', "Describe your organisation's main areas of work (at least 10 characters)."],
    [{ areasOfWork: 'Guns' }, 'areasOfWork', "Describe your organisation's main areas of work in at least 10 characters."],
    [{ areasOfWork: 'x'.repeat(1501) }, 'areasOfWork', 'This answer must be at most 1,500 characters (it has 1,501).'],
    [{ areasOfWork: 'Arms control \u0000 research' }, 'areasOfWork', 'This answer contains characters we cannot accept; please retype it.'],
  ])('rejects %j', (over, field, message) => {
    expect(errorsOf('organisation', orgRaw(over))).toEqual({ [field]: message });
  });

  it('keeps line breaks in long answers', () => {
    const r = parse('organisation', orgRaw({ areasOfWork: 'Line one is here\r\nLine two' }));
    expect(r).toMatchObject({ ok: true, patch: { areasOfWork: 'Line one is here\nLine two' } });
  });
});

describe('relevance step', () => {
  const two = { ...complete, dialogueIds: ['firearms', 'technical-assistance'] };

  it('asks once per chosen dialogue', () => {
    const fields = stepById('relevance')!.fields(two, ctx);
    expect(fields.map((f) => f.id)).toEqual(['relevance_firearms', 'relevance_technical-assistance']);
    expect(fields[0]?.label).toBe('Why is your work relevant to the Constructive Dialogue on Firearms?');
  });

  it('names the dialogue in the message', () => {
    expect(errorsOf('relevance', { relevance_firearms: 'short', 'relevance_technical-assistance': 'Long enough answer' }, two)).toEqual({
      relevance_firearms: 'Please tell us why your organisation is relevant to the Firearms dialogue (at least 10 characters).',
    });
  });

  it('keeps only chosen dialogues', () => {
    const r = parse('relevance', { relevance_firearms: 'We trace illicit guns.', relevance_smuggling: 'stale text here' });
    expect(r).toEqual({ ok: true, patch: { relevance: { firearms: 'We trace illicit guns.' } } });
  });
});

describe('representatives step', () => {
  const rep1 = toRaw({ representatives: [complete.representatives[0]!] });

  it('requires the first representative', () => {
    expect(errorsOf('representatives', {})).toEqual({
      rep1_name: 'Enter the full name of representative 1.',
      rep1_gender: 'Choose representative 1\'s gender, or "Prefer not to say".',
      rep1_email: "Enter representative 1's email address.",
      rep1_role: "Enter representative 1's role or position in the organisation.",
      rep1_nationality: "Choose representative 1's nationality.",
    });
  });

  it('checks email addresses', () => {
    expect(errorsOf('representatives', { ...rep1, rep1_email: 'amina.example.org' })).toEqual({
      rep1_email: 'Enter an email address like name@example.org.',
    });
    expect(
      errorsOf('representatives', {
        ...rep1,
        rep2_name: 'Other Person',
        rep2_gender: 'male',
        rep2_email: 'AMINA@example.org',
        rep2_role: 'Staff',
        rep2_nationality: 'KE',
      }),
    ).toEqual({
      rep2_email: 'Each representative needs their own email address.',
    });
  });

  it('accepts one representative and ignores empty optional ones', () => {
    const r = parse('representatives', { ...rep1, rep2_name: '  ', rep3_gender: '' });
    expect(r).toEqual({ ok: true, patch: { representatives: [complete.representatives[0]] } });
  });

  it('needs all of representative 2 once started', () => {
    expect(errorsOf('representatives', { ...rep1, rep2_email: 'second@example.org' })).toEqual({
      rep2_name: 'Enter the full name of representative 2 (once you start on representative 2, all of their details are needed).',
      rep2_gender:
        'Choose representative 2\'s gender, or "Prefer not to say" (once you start on representative 2, all of their details are needed).',
      rep2_role:
        "Enter representative 2's role or position in the organisation (once you start on representative 2, all of their details are needed).",
      rep2_nationality: "Choose representative 2's nationality (once you start on representative 2, all of their details are needed).",
    });
  });

  it('takes three representatives with typed labels', () => {
    const raw = {
      ...rep1,
      rep3_name: 'Third Person',
      rep3_gender: 'Non-binary',
      rep3_email: 't@example.org',
      rep3_role: 'Staff',
      rep3_nationality: 'Türkiye',
    };
    const r = parse('representatives', raw);
    expect(r.ok && r.patch.representatives?.[1]).toEqual({
      name: 'Third Person',
      gender: 'non_binary',
      email: 't@example.org',
      role: 'Staff',
      nationality: 'TR',
    });
  });
});

describe('travel and consent steps', () => {
  it('requires a justification only when asking for support', () => {
    expect(parse('travel', { travelSupport: 'no', travelJustification: 'ignored' })).toEqual({
      ok: true,
      patch: { travelSupport: false, travelJustification: null },
    });
    expect(errorsOf('travel', {})).toEqual({ travelSupport: 'Choose whether your organisation needs travel support.' });
    expect(errorsOf('travel', { travelSupport: 'yes' })).toEqual({
      travelJustification: 'Tell us why your organisation needs travel support (at least 20 characters).',
    });
    expect(errorsOf('travel', { travelSupport: 'Yes', travelJustification: 'No money' })).toEqual({
      travelJustification: 'Tell us a little more about why your organisation needs travel support (at least 20 characters).',
    });
  });

  it.each(['true', 'on', 'yes', '1', ['true'], ['anything']])('takes %j as consent', (v) => {
    expect(parse('consent', { consent: v })).toEqual({ ok: true, patch: { consent: true } });
  });

  it.each([undefined, '', 'false', 'no', []])('refuses %j as consent', (v) => {
    expect(errorsOf('consent', { consent: v })).toEqual({
      consent: 'Tick the box to agree to how your personal data is used; we cannot accept an application without it.',
    });
  });
});

describe('validateApplication', () => {
  it('accepts a complete application', () => {
    expect(validateApplication(complete, ctx)).toEqual({ ok: true, answers: complete });
  });

  it('drops travel answers when participation becomes online', () => {
    const r = validateApplication({ ...complete, participation: 'online' }, ctx);
    expect(r).toMatchObject({ ok: true, answers: { participation: 'online', travelSupport: false, travelJustification: null } });
  });

  it('drops relevance for dialogues no longer chosen', () => {
    const r = validateApplication({ ...complete, relevance: { ...complete.relevance, 'technical-assistance': 'Old answer text' } }, ctx);
    expect(r.ok && r.answers.relevance).toEqual({ firearms: complete.relevance.firearms });
  });

  it('reports the first failing step', () => {
    expect(validateApplication({ ...complete, consent: undefined as never }, ctx)).toMatchObject({ ok: false, stepId: 'consent' });
    expect(validateApplication({ ...complete, dialogueIds: ['firearms', 'technical-assistance'] }, ctx)).toMatchObject({
      ok: false,
      stepId: 'relevance',
      errors: { 'relevance_technical-assistance': expect.stringContaining('Technical Assistance dialogue') },
    });
    const { travelSupport: _t, ...noTravel } = complete;
    expect(validateApplication(noTravel, ctx)).toMatchObject({ ok: false, stepId: 'travel' });
  });
});

describe('resume point', () => {
  it('is the first incomplete step, or confirm', () => {
    expect(firstIncompleteStepId({}, ctx)).toBe('dialogues');
    expect(firstIncompleteStepId({ dialogueIds: ['firearms'], participation: 'online' }, ctx)).toBe('organisation');
    const { representatives: _r, ...noReps } = complete;
    expect(firstIncompleteStepId(noReps, ctx)).toBe('representatives');
    expect(firstIncompleteStepId({ ...complete, participation: 'online', travelSupport: undefined as never }, ctx)).toBe('confirm');
    expect(firstIncompleteStepId(complete, ctx)).toBe('confirm');
  });
});

describe('formView', () => {
  it('prefills from answers and counts applicable steps', () => {
    const v = formView('organisation', 'draft-1', complete, ctx);
    expect(v).toMatchObject({
      formId: FORM_ID,
      draftId: 'draft-1',
      stepId: 'organisation',
      stepNumber: 2,
      stepCount: 7,
      submitLabel: 'Next',
    });
    expect(v.fields.find((f) => f.id === 'country')).toMatchObject({ value: 'KE', kind: 'select' });
    expect(v.fields.find((f) => f.id === 'country')?.options?.length).toBe(195);
    // The count never changes mid-form: without travel support, step 5 is skipped, not renumbered.
    expect(formView('representatives', 'd', { ...complete, participation: 'online' }, ctx)).toMatchObject({ stepNumber: 4, stepCount: 7 });
    expect(formView('consent', 'd', { ...complete, participation: 'online' }, ctx)).toMatchObject({ stepNumber: 6, stepCount: 7 });
    expect(formView('dialogues', 'd', {}, ctx)).toMatchObject({ stepNumber: 1, stepCount: 7 });
  });

  it('shows what was sent with its errors', () => {
    const v = formView('dialogues', 'd', {}, ctx, {
      raw: { dialogueIds: 'firearms,technical-assistance', participation: 'x' },
      errors: { participation: 'Choose one.' },
    });
    expect(v.fields[0]).toMatchObject({ id: 'dialogueIds', value: ['firearms', 'technical-assistance'] });
    expect(v.fields[1]).toMatchObject({ id: 'participation', value: 'x', error: 'Choose one.' });
    expect(v.fields[0]).not.toHaveProperty('error');
  });

  it('prefills representatives, travel and consent', () => {
    const reps = formView('representatives', 'd', complete, ctx).fields;
    expect(reps.find((f) => f.id === 'rep2_email')?.value).toBe('jon@example.org');
    expect(reps.find((f) => f.id === 'rep3_email')).not.toHaveProperty('value');
    expect(formView('travel', 'd', complete, ctx).fields[0]?.value).toBe('yes');
    const consent = formView('consent', 'd', complete, ctx);
    expect(consent.intro).toBe(CONSENT_TEXT);
    expect(consent.fields[0]).toMatchObject({ kind: 'checkbox', value: 'true', options: [{ value: 'true', label: 'I agree' }] });
  });

  it('shows a summary to confirm', () => {
    const v = formView('confirm', 'd', complete, ctx);
    expect(v).toMatchObject({ stepId: 'confirm', fields: [], submitLabel: 'Submit application', stepNumber: 7, stepCount: 7 });
    expect(v.summary).toContainEqual({ label: 'Dialogues', value: 'Constructive Dialogue on Firearms' });
    expect(v.summary).toContainEqual({
      label: 'Representative 1',
      value: 'Amina Odhiambo, Female, amina@example.org, Director, nationality: Kenya',
    });
  });

  it('refuses unknown steps', () => {
    expect(() => formView('nope', 'd', {}, ctx)).toThrow(/does not exist/);
  });
});

describe('summaries', () => {
  it('gives the applicant everything', () => {
    const labels = summaryFields(complete, dialogues).map((f) => f.label);
    expect(labels).toEqual([
      'Dialogues',
      'Participation',
      'Organisation',
      'Type of organisation',
      'Grassroots, victim-led or victim-focused',
      'Country',
      'Website',
      'Areas of work',
      'Relevance to the Firearms dialogue',
      'Representative 1',
      'Representative 2',
      'Travel support requested',
      'Why travel support is needed',
      'Consent to data processing',
    ]);
  });

  it('gives reviewers no names or emails', () => {
    const fields = reviewerFields(
      { ...complete, dialogueIds: ['firearms', 'technical-assistance'], stakeholderType: 'ngo_ecosoc' },
      dialogues,
    );
    expect(fields).toEqual([
      { label: 'Organisation', value: 'Small Arms Survey Network' },
      { label: 'Type of organisation', value: 'NGO with ECOSOC consultative status' },
      { label: 'ECOSOC consultative status', value: 'Yes' },
      { label: 'Country', value: 'Kenya (African States)' },
      { label: 'Dialogues', value: 'Firearms, Technical Assistance' },
      { label: 'Participation', value: 'In person' },
      { label: 'Travel support requested', value: 'Yes' },
      { label: 'Representatives', value: '2 (1 female, 1 male)' },
    ]);
    const text = JSON.stringify(fields);
    for (const r of complete.representatives) {
      expect(text).not.toContain(r.name);
      expect(text).not.toContain(r.email);
      expect(text).not.toContain(r.role);
    }
  });
});
