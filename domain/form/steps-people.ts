/**
 * The last steps: who will take part, travel support for those who may ask for it, and consent.
 */
import { z } from 'zod';
import { GENDERS, GENDER_LABELS, travelSupportEligible } from '../eligibility';
import type { FormFieldView } from '../messages';
import type { Gender, Representative } from '../types';
import { COUNTRY_OPTIONS, checked, choiceSchema, countrySchema, emailSchema, filled, pick, runSchema, text, textSchema } from './input';
import type { RawValues, StepDef } from './types';

export const MAX_REPRESENTATIVES = 3;
const REP_PARTS = ['name', 'gender', 'email', 'role', 'nationality'] as const;
const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));

/** Field id of one detail of representative `n` (1-based): repFieldId(2, 'email') = 'rep2_email'. */
export const repFieldId = (n: number, part: (typeof REP_PARTS)[number]): string => `rep${n}_${part}`;

function repFields(n: number, orgCountry: string | undefined): FormFieldView[] {
  const required = n === 1;
  const who = `Representative ${n}`;
  const msg = repMessages(n);
  return [
    {
      id: repFieldId(n, 'name'), label: `${who}: full name`, kind: 'text', required, maxLength: 200, invalidMessage: msg.name,
      ...(required ? {} : { help: `Optional. If you add representative ${n}, fill in all of their details.` }),
    },
    { id: repFieldId(n, 'gender'), label: `${who}: gender`, kind: 'select', required, options: GENDER_OPTIONS, invalidMessage: msg.gender },
    { id: repFieldId(n, 'email'), label: `${who}: email address`, kind: 'email', required, maxLength: 254, placeholder: 'name@example.org', invalidMessage: msg.email },
    { id: repFieldId(n, 'role'), label: `${who}: role in the organisation`, kind: 'text', required, maxLength: 200, invalidMessage: msg.role },
    {
      id: repFieldId(n, 'nationality'), label: `${who}: nationality`, kind: 'select', required, invalidMessage: msg.nationality,
      options: COUNTRY_OPTIONS, optionsSource: 'countries', ...(orgCountry ? { suggested: [orgCountry] } : {}),
    },
  ];
}

/** What to say when a detail of representative `n` is missing. */
function repMessages(n: number) {
  // For optional representatives the message says why the detail became required.
  const because = n === 1 ? '.' : ` (once you start on representative ${n}, all of their details are needed).`;
  const the = `representative ${n}'s`;
  return {
    name: `Enter the full name of representative ${n}${because}`,
    gender: `Choose ${the} gender, or "Prefer not to say"${because}`,
    email: `Enter ${the} email address${because}`,
    role: `Enter ${the} role or position in the organisation${because}`,
    nationality: `Choose ${the} nationality${because}`,
  };
}

function repStarted(raw: RawValues, n: number): boolean {
  return REP_PARTS.some((p) => filled(raw, repFieldId(n, p)));
}

function repShape(n: number): Record<string, z.ZodType> {
  const msg = repMessages(n);
  return {
    [repFieldId(n, 'name')]: textSchema({
      empty: msg.name,
      min: 2,
      max: 200,
      what: `The name of representative ${n}`,
    }),
    [repFieldId(n, 'gender')]: choiceSchema(GENDERS, msg.gender),
    [repFieldId(n, 'email')]: emailSchema(msg.email),
    [repFieldId(n, 'role')]: textSchema({
      empty: msg.role,
      min: 2,
      max: 200,
      what: `The role of representative ${n}`,
    }),
    [repFieldId(n, 'nationality')]: countrySchema(msg.nationality),
  };
}

export const representativesStep: StepDef = {
  id: 'representatives',
  title: 'Representatives',
  intro: `Who would take part for your organisation: up to ${MAX_REPRESENTATIVES} people. Only the first is required.`,
  applies: () => true,
  fields: (answers) => Array.from({ length: MAX_REPRESENTATIVES }, (_, i) => repFields(i + 1, answers.country)).flat(),
  parse(raw) {
    const used = [1, 2, 3].filter((n) => n === 1 || repStarted(raw, n));
    const shape: Record<string, z.ZodType> = {};
    const input: Record<string, string> = {};
    for (const n of used) {
      Object.assign(shape, repShape(n));
      for (const p of REP_PARTS) {
        const id = repFieldId(n, p);
        input[id] = p === 'gender' ? pick(text(raw, id), GENDER_OPTIONS) : text(raw, id);
      }
    }
    const schema = z.object(shape).superRefine((data, ctx) => {
      // Reviewers and invitations address people by email; two people cannot share one.
      const seen = new Set<string>();
      for (const n of used) {
        const email = String(data[repFieldId(n, 'email')] ?? '').toLowerCase();
        if (seen.has(email)) {
          ctx.addIssue({ code: 'custom', path: [repFieldId(n, 'email')], message: 'Each representative needs their own email address.' });
        }
        seen.add(email);
      }
    });
    return runSchema(schema, input, (data) => {
      const d = data as Record<string, string>;
      const representatives: Representative[] = used.map((n) => ({
        name: d[repFieldId(n, 'name')] ?? '',
        gender: d[repFieldId(n, 'gender')] as Gender,
        email: d[repFieldId(n, 'email')] ?? '',
        role: d[repFieldId(n, 'role')] ?? '',
        nationality: d[repFieldId(n, 'nationality')] ?? '',
      }));
      return { ok: true, patch: { representatives } };
    });
  },
};

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const TRAVEL_CHOICE = 'Choose whether your organisation needs travel support.';
const TRAVEL_WHY = 'Tell us why your organisation needs travel support (at least 20 characters).';

export const travelStep: StepDef = {
  id: 'travel',
  title: 'Travel support',
  intro: 'Grassroots, victim-led and victim-focused organisations attending in person may ask for support to take part.',
  applies: (answers) => travelSupportEligible(answers),
  fields: () => [
    { id: 'travelSupport', label: 'Does your organisation need support to take part in person?', kind: 'select', required: true, options: YES_NO, invalidMessage: TRAVEL_CHOICE },
    {
      id: 'travelJustification',
      label: 'Why do you need travel support?',
      kind: 'textarea',
      // Required only when the answer above is yes; the server enforces that.
      required: false,
      maxLength: 1500,
      help: 'Required if you ask for support.',
      invalidMessage: TRAVEL_WHY,
    },
  ],
  parse(raw) {
    const schema = z.discriminatedUnion('travelSupport', [
      z.object({ travelSupport: z.literal('no'), travelJustification: z.string() }),
      z.object({
        travelSupport: z.literal('yes'),
        travelJustification: textSchema({
          empty: TRAVEL_WHY,
          min: 20,
          short: 'Tell us a little more about why your organisation needs travel support (at least 20 characters).',
          max: 1500,
          what: 'The reason for travel support',
          multiline: true,
        }),
      }),
    ], { error: TRAVEL_CHOICE });
    const input = { travelSupport: pick(text(raw, 'travelSupport'), YES_NO), travelJustification: text(raw, 'travelJustification') };
    return runSchema(schema, input, (d) => ({
      ok: true,
      patch: d.travelSupport === 'yes'
        ? { travelSupport: true, travelJustification: d.travelJustification }
        : { travelSupport: false, travelJustification: null },
    }));
  },
};

/** What the applicant agrees to, shown whole above the checkbox on every surface. */
export const CONSENT_TEXT = 'UNODC processes the personal data in this form to organise the Constructive Dialogues.';

const CONSENT_REQUIRED = 'Tick the box to agree to how your personal data is used; we cannot accept an application without it.';

export const consentStep: StepDef = {
  id: 'consent',
  title: 'Personal data',
  // The statement is the step's text, never the checkbox's label: option labels are cut short
  // on some surfaces (Slack: 75 characters), and what is agreed to must be read in full.
  intro: CONSENT_TEXT,
  applies: () => true,
  fields: () => [
    { id: 'consent', label: 'Consent to data processing', kind: 'checkbox', required: true, options: [{ value: 'true', label: 'I agree' }], invalidMessage: CONSENT_REQUIRED },
  ],
  parse(raw) {
    const schema = z.object({
      consent: z.literal(true, { error: CONSENT_REQUIRED }),
    });
    return runSchema(schema, { consent: checked(raw, 'consent') }, () => ({ ok: true, patch: { consent: true } }));
  },
};
