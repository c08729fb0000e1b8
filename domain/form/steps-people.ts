/**
 * The last steps: who will take part, travel support for those who may ask for it, and consent.
 */
import * as z from 'zod';
import { choiceOptions, GENDERS, travelSupportEligible } from '../eligibility';
import { t, type Locale } from '../i18n';
import type { FormFieldView } from '../messages';
import type { Gender, Representative } from '../types';
import {
  checked,
  choiceSchema,
  countryOptions,
  countrySchema,
  emailSchema,
  filled,
  localeOf,
  pick,
  runSchema,
  text,
  textSchema,
} from './input';
import type { RawValues, StepDef } from './types';

export const MAX_REPRESENTATIVES = 3;
const REP_PARTS = ['name', 'gender', 'email', 'role', 'nationality'] as const;
const genderOptions = (l: Locale) => choiceOptions('gender', GENDERS, l);
const ANY_GENDER = [...genderOptions('en'), ...genderOptions('fr'), ...genderOptions('es')];

/** Field id of one detail of representative `n` (1-based): repFieldId(2, 'email') = 'rep2_email'. */
export const repFieldId = (n: number, part: (typeof REP_PARTS)[number]): string => `rep${n}_${part}`;

function repFields(n: number, l: Locale, orgCountry: string | undefined): FormFieldView[] {
  const required = n === 1;
  const msg = (part: 'name' | 'gender' | 'email' | 'role' | 'nationality') =>
    n === 1 ? t(l, `form.rep.error.${part}`, { n }) : t(l, `form.rep.error.${part}Later`, { n });
  return [
    {
      id: repFieldId(n, 'name'),
      label: t(l, 'form.rep.name', { n }),
      kind: 'text',
      required,
      maxLength: 200,
      invalidMessage: msg('name'),
      ...(required ? {} : { help: t(l, 'form.rep.optional', { n }) }),
    },
    {
      id: repFieldId(n, 'gender'),
      label: t(l, 'form.rep.gender', { n }),
      kind: 'select',
      required,
      options: genderOptions(l),
      invalidMessage: msg('gender'),
    },
    {
      id: repFieldId(n, 'email'),
      label: t(l, 'form.rep.email', { n }),
      kind: 'email',
      required,
      maxLength: 254,
      placeholder: 'name@example.org',
      invalidMessage: msg('email'),
    },
    { id: repFieldId(n, 'role'), label: t(l, 'form.rep.role', { n }), kind: 'text', required, maxLength: 200, invalidMessage: msg('role') },
    {
      id: repFieldId(n, 'nationality'),
      label: t(l, 'form.rep.nationality', { n }),
      kind: 'select',
      required,
      invalidMessage: msg('nationality'),
      options: countryOptions(l),
      optionsSource: 'countries',
      ...(orgCountry ? { suggested: [orgCountry] } : {}),
    },
  ];
}

function repStarted(raw: RawValues, n: number): boolean {
  return REP_PARTS.some((p) => filled(raw, repFieldId(n, p)));
}

function repShape(n: number, l: Locale): Record<string, z.ZodType> {
  // For optional representatives the missing-detail message says why it became required.
  const missing = (part: 'name' | 'gender' | 'email' | 'role' | 'nationality') =>
    n === 1 ? t(l, `form.rep.error.${part}`, { n }) : t(l, `form.rep.error.${part}Later`, { n });
  return {
    [repFieldId(n, 'name')]: textSchema({ empty: missing('name'), min: 2, max: 200, locale: l }),
    [repFieldId(n, 'gender')]: choiceSchema(GENDERS, missing('gender')),
    [repFieldId(n, 'email')]: emailSchema(missing('email'), l),
    [repFieldId(n, 'role')]: textSchema({ empty: missing('role'), min: 2, max: 200, locale: l }),
    [repFieldId(n, 'nationality')]: countrySchema(missing('nationality'), l),
  };
}

export const representativesStep: StepDef = {
  id: 'representatives',
  title: (l) => t(l, 'form.representatives.title'),
  intro: (l) => t(l, 'form.representatives.intro', { max: MAX_REPRESENTATIVES }),
  applies: () => true,
  fields: (answers, ctx) => Array.from({ length: MAX_REPRESENTATIVES }, (_, i) => repFields(i + 1, localeOf(ctx), answers.country)).flat(),
  parse(raw, _answers, ctx) {
    const l = localeOf(ctx);
    const used = [1, 2, 3].filter((n) => n === 1 || repStarted(raw, n));
    const shape: Record<string, z.ZodType> = {};
    const input: Record<string, string> = {};
    for (const n of used) {
      Object.assign(shape, repShape(n, l));
      for (const p of REP_PARTS) {
        const id = repFieldId(n, p);
        input[id] = p === 'gender' ? pick(text(raw, id), ANY_GENDER) : text(raw, id);
      }
    }
    const schema = z.object(shape).superRefine((data, ctx) => {
      // Reviewers and invitations address people by email; two people cannot share one.
      const seen = new Set<string>();
      for (const n of used) {
        const email = String(data[repFieldId(n, 'email')] ?? '').toLowerCase();
        if (seen.has(email)) {
          ctx.addIssue({ code: 'custom', path: [repFieldId(n, 'email')], message: t(l, 'form.rep.error.sameEmail') });
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

const yesNo = (l: Locale) => [
  { value: 'yes', label: t(l, 'form.yes') },
  { value: 'no', label: t(l, 'form.no') },
];
const ANY_YES_NO = [...yesNo('en'), ...yesNo('fr'), ...yesNo('es')];

export const travelStep: StepDef = {
  id: 'travel',
  title: (l) => t(l, 'form.travel.title'),
  intro: (l) => t(l, 'form.travel.intro'),
  applies: (answers) => travelSupportEligible(answers),
  fields: (_answers, ctx) => [
    {
      id: 'travelSupport',
      label: t(localeOf(ctx), 'form.travel.need'),
      kind: 'select',
      required: true,
      options: yesNo(localeOf(ctx)),
      invalidMessage: t(localeOf(ctx), 'form.travel.error.choose'),
    },
    {
      id: 'travelJustification',
      label: t(localeOf(ctx), 'form.travel.why'),
      kind: 'textarea',
      // Required only when the answer above is yes; the server enforces that.
      required: false,
      maxLength: 1500,
      help: t(localeOf(ctx), 'form.travel.why.help'),
      invalidMessage: t(localeOf(ctx), 'form.travel.error.why'),
    },
  ],
  parse(raw, _answers, ctx) {
    const l = localeOf(ctx);
    const schema = z.discriminatedUnion(
      'travelSupport',
      [
        z.object({ travelSupport: z.literal('no'), travelJustification: z.string() }),
        z.object({
          travelSupport: z.literal('yes'),
          travelJustification: textSchema({
            empty: t(l, 'form.travel.error.why'),
            min: 20,
            short: t(l, 'form.travel.error.whyShort'),
            max: 1500,
            multiline: true,
            locale: l,
          }),
        }),
      ],
      { error: t(l, 'form.travel.error.choose') },
    );
    const input = { travelSupport: pick(text(raw, 'travelSupport'), ANY_YES_NO), travelJustification: text(raw, 'travelJustification') };
    return runSchema(schema, input, (d) => ({
      ok: true,
      patch:
        d.travelSupport === 'yes'
          ? { travelSupport: true, travelJustification: d.travelJustification }
          : { travelSupport: false, travelJustification: null },
    }));
  },
};

/** The consent sentence, in English (what the admin panel shows was agreed to). */
export const CONSENT_TEXT = t('en', 'form.consent.text');

export const consentStep: StepDef = {
  id: 'consent',
  title: (l) => t(l, 'form.consent.title'),
  // The statement is the step's text, never the checkbox's label: option labels are cut short
  // on some surfaces (Slack: 75 characters), and what is agreed to must be read in full.
  intro: (l) => t(l, 'form.consent.text'),
  applies: () => true,
  fields: (_answers, ctx) => {
    const l = localeOf(ctx);
    return [
      {
        id: 'consent',
        label: t(l, 'form.summary.consent'),
        kind: 'checkbox',
        required: true,
        options: [{ value: 'true', label: t(l, 'form.consent.agree') }],
        invalidMessage: t(l, 'form.consent.error'),
      },
    ];
  },
  parse(raw, _answers, ctx) {
    const schema = z.object({
      consent: z.literal(true, { error: t(localeOf(ctx), 'form.consent.error') }),
    });
    return runSchema(schema, { consent: checked(raw, 'consent') }, () => ({ ok: true, patch: { consent: true } }));
  },
};
