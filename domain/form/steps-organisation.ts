/**
 * The first three steps: which dialogues and how, the organisation, and why its work matters to
 * each chosen dialogue.
 */
import { dialogueIn, dialogueNames } from '../localized';
import * as z from 'zod';
import { choiceOptions, FOCUSES, PARTICIPATIONS, STAKEHOLDER_TYPES } from '../eligibility';
import { t, type Locale } from '../i18n';
import type { FormFieldView } from '../messages';
import type { ApplicationAnswers, Dialogue } from '../types';
import { callDialogues, choiceSchema, countryOptions, countrySchema, list, localeOf, pick, runSchema, text, textSchema } from './input';
import type { FormContext, StepDef } from './types';

const participationOptions = (l: Locale) => choiceOptions('participation', PARTICIPATIONS, l);
const stakeholderOptions = (l: Locale) => choiceOptions('stakeholder', STAKEHOLDER_TYPES, l);
const focusOptions = (l: Locale) => choiceOptions('focus', FOCUSES, l);

// A typed answer may use the words of any language ("En ligne" after switching to English).
const anyLanguage = <T extends string>(options: (l: Locale) => { value: T; label: string }[]) => [
  ...options('en'),
  ...options('fr'),
  ...options('es'),
];

// Typed answers ("Firearms") work as well as ids, because the playground and Teams text inputs
// let people type rather than pick.
function dialogueIdFor(token: string, dialogues: Dialogue[]): string {
  const t = token.toLowerCase();
  return dialogues.find((d) => d.id.toLowerCase() === t || dialogueNames(d).some((n) => n.toLowerCase() === t))?.id ?? token;
}

export const dialoguesStep: StepDef = {
  id: 'dialogues',
  title: (l) => t(l, 'form.dialogues.title'),
  intro: (l) => t(l, 'form.dialogues.intro'),
  applies: () => true,
  fields: (_answers, ctx) => [
    {
      id: 'dialogueIds',
      label: t(localeOf(ctx), 'form.dialogues.which'),
      kind: 'multiselect',
      required: true,
      options: callDialogues(ctx).map((d) => ({ value: d.id, label: dialogueIn(d, localeOf(ctx)).name })),
      invalidMessage: t(localeOf(ctx), 'form.dialogues.error.none'),
    },
    {
      id: 'participation',
      label: t(localeOf(ctx), 'form.dialogues.how'),
      kind: 'select',
      required: true,
      options: participationOptions(localeOf(ctx)),
      invalidMessage: t(localeOf(ctx), 'form.dialogues.error.participation'),
    },
  ],
  parse(raw, _answers, ctx) {
    const l = localeOf(ctx);
    const dialogues = callDialogues(ctx);
    const allowed = new Set(dialogues.map((d) => d.id));
    const schema = z.object({
      dialogueIds: z
        .array(z.string())
        .min(1, { error: t(l, 'form.dialogues.error.none') })
        .refine((ids) => ids.every((id) => allowed.has(id)), { error: t(l, 'form.dialogues.error.notInCall') }),
      participation: choiceSchema(PARTICIPATIONS, t(l, 'form.dialogues.error.participation')),
    });
    const input = {
      dialogueIds: [...new Set(list(raw, 'dialogueIds').map((t) => dialogueIdFor(t, dialogues)))],
      participation: pick(text(raw, 'participation'), anyLanguage(participationOptions)),
    };
    return runSchema(schema, input, (d) => ({
      ok: true,
      // Keep the call's order so summaries and relevance questions read the same everywhere.
      patch: { dialogueIds: dialogues.map((x) => x.id).filter((id) => d.dialogueIds.includes(id)), participation: d.participation },
    }));
  },
};

export const WEBSITE_MAX = 300;

/** "example.org" -> "https://example.org/"; null when it cannot be a public http(s) address. */
export function normaliseWebsite(input: string): string | null {
  if (input === '' || /\s/.test(input)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.username || url.password) return null;
  return url.toString();
}

const websiteSchema = (l: Locale) =>
  z.string().transform((v, ctx) => {
    const message =
      v === ''
        ? t(l, 'form.organisation.error.website')
        : v.length > WEBSITE_MAX
          ? t(l, 'form.organisation.error.websiteLong', { max: WEBSITE_MAX })
          : null;
    const url = message ? null : normaliseWebsite(v);
    if (!url) {
      ctx.addIssue({ code: 'custom', message: message ?? t(l, 'form.organisation.error.websiteInvalid') });
      return z.NEVER;
    }
    return url;
  });

export const organisationStep: StepDef = {
  id: 'organisation',
  title: (l) => t(l, 'form.organisation.title'),
  applies: () => true,
  fields: (_answers, ctx) => {
    const l = localeOf(ctx);
    return [
      {
        id: 'organisationName',
        label: t(l, 'form.organisation.name'),
        kind: 'text',
        required: true,
        maxLength: 200,
        invalidMessage: t(l, 'form.organisation.error.name'),
      },
      {
        id: 'stakeholderType',
        label: t(l, 'form.organisation.type'),
        kind: 'select',
        required: true,
        options: stakeholderOptions(l),
        invalidMessage: t(l, 'form.organisation.error.type'),
      },
      {
        id: 'organisationFocus',
        label: t(l, 'form.organisation.focus'),
        kind: 'select',
        required: true,
        options: focusOptions(l),
        invalidMessage: t(l, 'form.organisation.error.focus'),
      },
      {
        id: 'country',
        label: t(l, 'form.organisation.country'),
        kind: 'select',
        required: true,
        options: countryOptions(l),
        optionsSource: 'countries',
        invalidMessage: t(l, 'form.organisation.error.country'),
      },
      {
        id: 'website',
        label: t(l, 'form.organisation.website'),
        kind: 'url',
        required: true,
        placeholder: 'https://example.org',
        maxLength: WEBSITE_MAX,
        invalidMessage: t(l, 'form.organisation.error.website'),
      },
      {
        id: 'areasOfWork',
        label: t(l, 'form.organisation.areas'),
        kind: 'textarea',
        required: true,
        maxLength: 1500,
        help: t(l, 'form.organisation.areas.help'),
        invalidMessage: t(l, 'form.organisation.error.areas'),
      },
    ];
  },
  parse(raw, _answers, ctx) {
    const l = localeOf(ctx);
    const schema = z.object({
      organisationName: textSchema({
        empty: t(l, 'form.organisation.error.name'),
        min: 2,
        short: t(l, 'form.organisation.error.nameShort'),
        max: 200,
        locale: l,
      }),
      stakeholderType: choiceSchema(STAKEHOLDER_TYPES, t(l, 'form.organisation.error.type')),
      organisationFocus: choiceSchema(FOCUSES, t(l, 'form.organisation.error.focus')),
      country: countrySchema(t(l, 'form.organisation.error.country'), l),
      website: websiteSchema(l),
      areasOfWork: textSchema({
        empty: t(l, 'form.organisation.error.areas'),
        min: 10,
        short: t(l, 'form.organisation.error.areasShort'),
        max: 1500,
        multiline: true,
        locale: l,
      }),
    });
    const input = {
      organisationName: text(raw, 'organisationName'),
      stakeholderType: pick(text(raw, 'stakeholderType'), anyLanguage(stakeholderOptions)),
      organisationFocus: pick(text(raw, 'organisationFocus'), anyLanguage(focusOptions)),
      country: text(raw, 'country'),
      website: text(raw, 'website'),
      areasOfWork: text(raw, 'areasOfWork'),
    };
    return runSchema(schema, input, (d) => ({ ok: true, patch: d }));
  },
};

/** The field id of the relevance answer for a dialogue. */
export const relevanceFieldId = (dialogueId: string): string => `relevance_${dialogueId}`;

function chosenDialogues(answers: Partial<ApplicationAnswers>, ctx: FormContext): Dialogue[] {
  const chosen = new Set(answers.dialogueIds ?? []);
  return callDialogues(ctx).filter((d) => chosen.has(d.id));
}

export const relevanceStep: StepDef = {
  id: 'relevance',
  title: (l) => t(l, 'form.relevance.title'),
  intro: (l) => t(l, 'form.relevance.intro'),
  // Always counted: at least one dialogue is required, so there is always a question here.
  applies: () => true,
  fields: (answers, ctx) =>
    chosenDialogues(answers, ctx).map(
      (d): FormFieldView => ({
        id: relevanceFieldId(d.id),
        label: t(localeOf(ctx), 'form.relevance.label', { dialogue: dialogueIn(d, localeOf(ctx)).name }),
        kind: 'textarea',
        required: true,
        maxLength: 1500,
        invalidMessage: t(localeOf(ctx), 'form.relevance.error', { dialogue: dialogueIn(d, localeOf(ctx)).shortName }),
      }),
    ),
  parse(raw, answers, ctx) {
    const dialogues = chosenDialogues(answers, ctx);
    const shape: Record<string, z.ZodType<string, string>> = {};
    const input: Record<string, string> = {};
    for (const d of dialogues) {
      const id = relevanceFieldId(d.id);
      const l = localeOf(ctx);
      const ask = t(l, 'form.relevance.error', { dialogue: dialogueIn(d, l).shortName });
      shape[id] = textSchema({ empty: ask, min: 10, short: ask, max: 1500, multiline: true, locale: l });
      input[id] = text(raw, id);
    }
    return runSchema(z.object(shape), input, (data) => ({
      ok: true,
      patch: { relevance: Object.fromEntries(dialogues.map((d) => [d.id, data[relevanceFieldId(d.id)] ?? ''])) },
    }));
  },
};
