/**
 * The first three steps: which dialogues and how, the organisation, and why its work matters to
 * each chosen dialogue.
 */
import { z } from 'zod';
import {
  FOCUSES, FOCUS_LABELS, PARTICIPATIONS, PARTICIPATION_LABELS, STAKEHOLDER_LABELS, STAKEHOLDER_TYPES,
} from '../eligibility';
import type { FormFieldView } from '../messages';
import type { ApplicationAnswers, Dialogue } from '../types';
import { COUNTRY_OPTIONS, callDialogues, choiceSchema, countrySchema, list, pick, runSchema, text, textSchema } from './input';
import type { FormContext, StepDef } from './types';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const PARTICIPATION_OPTIONS = options(PARTICIPATIONS, PARTICIPATION_LABELS);
const STAKEHOLDER_OPTIONS = options(STAKEHOLDER_TYPES, STAKEHOLDER_LABELS);
const FOCUS_OPTIONS = options(FOCUSES, FOCUS_LABELS);

// Typed answers ("Firearms") work as well as ids, because the playground and Teams text inputs
// let people type rather than pick.
function dialogueIdFor(token: string, dialogues: Dialogue[]): string {
  const t = token.toLowerCase();
  return dialogues.find((d) => d.id.toLowerCase() === t || d.shortName.toLowerCase() === t || d.name.toLowerCase() === t)?.id ?? token;
}

const MSG = {
  dialogues: 'Choose at least one dialogue.',
  participation: 'Choose whether you will take part in person or online.',
  organisationName: 'Enter the name of your organisation.',
  stakeholderType: 'Choose the type of your organisation, for example Academia or Private sector.',
  organisationFocus: 'Tell us whether your organisation is grassroots, victim-led or victim-focused, or choose "None of these".',
  country: 'Choose the country where your organisation is based.',
  website: "Enter your organisation's website (or a page about it), like https://example.org.",
  areasOfWork: "Describe your organisation's main areas of work (at least 10 characters).",
};

export const dialoguesStep: StepDef = {
  id: 'dialogues',
  title: 'Dialogues',
  intro: 'Choose the Constructive Dialogues you want to take part in, and how you will attend. You may choose more than one.',
  applies: () => true,
  fields: (_answers, ctx) => [
    {
      id: 'dialogueIds',
      label: 'Which Constructive Dialogues do you want to take part in?',
      kind: 'multiselect',
      required: true,
      options: callDialogues(ctx).map((d) => ({ value: d.id, label: d.name })),
      invalidMessage: MSG.dialogues,
    },
    { id: 'participation', label: 'How will you take part?', kind: 'select', required: true, options: PARTICIPATION_OPTIONS, invalidMessage: MSG.participation },
  ],
  parse(raw, _answers, ctx) {
    const dialogues = callDialogues(ctx);
    const allowed = new Set(dialogues.map((d) => d.id));
    const schema = z.object({
      dialogueIds: z
        .array(z.string())
        .min(1, { error: MSG.dialogues })
        .refine((ids) => ids.every((id) => allowed.has(id)), { error: 'Choose dialogues from the list; some of those are not part of this call.' }),
      participation: choiceSchema(PARTICIPATIONS, MSG.participation),
    });
    const input = {
      dialogueIds: [...new Set(list(raw, 'dialogueIds').map((t) => dialogueIdFor(t, dialogues)))],
      participation: pick(text(raw, 'participation'), PARTICIPATION_OPTIONS),
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

const websiteSchema = z.string().transform((v, ctx) => {
  const message = v === ''
    ? MSG.website
    : v.length > WEBSITE_MAX
      ? `The website address must be at most ${WEBSITE_MAX} characters.`
      : null;
  const url = message ? null : normaliseWebsite(v);
  if (!url) {
    ctx.addIssue({ code: 'custom', message: message ?? 'Enter a website address like https://example.org.' });
    return z.NEVER;
  }
  return url;
});

export const organisationStep: StepDef = {
  id: 'organisation',
  title: 'Your organisation',
  applies: () => true,
  fields: () => [
    { id: 'organisationName', label: 'Name of your organisation', kind: 'text', required: true, maxLength: 200, invalidMessage: MSG.organisationName },
    { id: 'stakeholderType', label: 'Type of organisation', kind: 'select', required: true, options: STAKEHOLDER_OPTIONS, invalidMessage: MSG.stakeholderType },
    {
      id: 'organisationFocus',
      label: 'Is your organisation grassroots, victim-led or victim-focused?',
      kind: 'select',
      required: true,
      options: FOCUS_OPTIONS,
      invalidMessage: MSG.organisationFocus,
    },
    { id: 'country', label: 'Country where your organisation is based', kind: 'select', required: true, options: COUNTRY_OPTIONS, optionsSource: 'countries', invalidMessage: MSG.country },
    { id: 'website', label: 'Website', kind: 'url', required: true, placeholder: 'https://example.org', maxLength: WEBSITE_MAX, invalidMessage: MSG.website },
    {
      id: 'areasOfWork',
      label: 'Main areas of work',
      kind: 'textarea',
      required: true,
      maxLength: 1500,
      help: 'What your organisation does, in a few sentences.',
      invalidMessage: MSG.areasOfWork,
    },
  ],
  parse(raw) {
    const schema = z.object({
      organisationName: textSchema({
        empty: MSG.organisationName,
        min: 2,
        short: 'The organisation name must be at least 2 characters.',
        max: 200,
        what: 'The organisation name',
      }),
      stakeholderType: choiceSchema(STAKEHOLDER_TYPES, MSG.stakeholderType),
      organisationFocus: choiceSchema(FOCUSES, MSG.organisationFocus),
      country: countrySchema(MSG.country),
      website: websiteSchema,
      areasOfWork: textSchema({
        empty: MSG.areasOfWork,
        min: 10,
        short: "Describe your organisation's main areas of work in at least 10 characters.",
        max: 1500,
        what: 'The areas of work',
        multiline: true,
      }),
    });
    const input = {
      organisationName: text(raw, 'organisationName'),
      stakeholderType: pick(text(raw, 'stakeholderType'), STAKEHOLDER_OPTIONS),
      organisationFocus: pick(text(raw, 'organisationFocus'), FOCUS_OPTIONS),
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

const relevanceAsk = (d: Dialogue) => `Please tell us why your organisation is relevant to the ${d.shortName} dialogue (at least 10 characters).`;

export const relevanceStep: StepDef = {
  id: 'relevance',
  title: 'Relevance of your work',
  intro: 'For each dialogue you chose, tell us why your work is relevant to it.',
  // Always counted: at least one dialogue is required, so there is always a question here.
  applies: () => true,
  fields: (answers, ctx) =>
    chosenDialogues(answers, ctx).map(
      (d): FormFieldView => ({
        id: relevanceFieldId(d.id),
        label: `Why is your work relevant to the ${d.name}?`,
        kind: 'textarea',
        required: true,
        maxLength: 1500,
        invalidMessage: relevanceAsk(d),
      }),
    ),
  parse(raw, answers, ctx) {
    const dialogues = chosenDialogues(answers, ctx);
    const shape: Record<string, z.ZodType<string, string>> = {};
    const input: Record<string, string> = {};
    for (const d of dialogues) {
      const id = relevanceFieldId(d.id);
      const ask = relevanceAsk(d);
      shape[id] = textSchema({ empty: ask, min: 10, short: ask, max: 1500, what: 'This answer', multiline: true });
      input[id] = text(raw, id);
    }
    return runSchema(z.object(shape), input, (data) => ({
      ok: true,
      patch: { relevance: Object.fromEntries(dialogues.map((d) => [d.id, data[relevanceFieldId(d.id)] ?? ''])) },
    }));
  },
};
