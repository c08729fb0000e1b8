/**
 * zod schemas for every admin form. Messages are sentences for the person filling the form in.
 */
import { LOCALES } from '../../domain/i18n/locales';
import { IANAZone } from 'luxon';
import * as z from 'zod';
import { FAQ_TOPICS } from '../../domain/types';
import { safeLinkUrl } from '../../domain/links';
import { validateReason } from '../../domain/review';
import { ROLES } from '../auth/roles';
import { findCountry } from '../../domain/countries';

const text = (label: string, max = 500) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));
const slug = z
  .string({ error: 'Enter an id' })
  .trim()
  .min(2, 'Enter an id of at least 2 characters')
  .max(60, 'The id must be 60 characters or fewer')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, e.g. "trafficking-in-persons"');
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
export const zone = z.string({ error: 'Choose a time zone' }).refine((v) => IANAZone.isValidZone(v), 'Choose a time zone from the list');

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter your email address')),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1000, 'Enter your password'),
});

export const dialogueSchema = z.object({
  id: slug,
  name: text('the full name', 200),
  short_name: text('a short name', 80),
  date: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Enter the date as YYYY-MM-DD'),
  format: z.enum(['hybrid', 'in_person', 'online'], { error: 'Choose the format' }),
  location: text('the location', 200),
  description: text('a description', 4000),
  status: z.enum(['announced', 'active', 'archived'], { error: 'Choose a status' }),
  call_note: optionalText(1000),
  aliases: z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? '')
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .refine((v) => v.length <= 50, 'Keep it to 50 names')
    .refine((v) => v.every((s) => s.length <= 100), 'Each name must be 100 characters or fewer'),
  sort_order: z.coerce
    .number({ error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Enter 0 or more')
    .max(10000, 'Enter 10000 or less'),
});
export type DialogueInput = z.output<typeof dialogueSchema>;

const localDateTime = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Enter ${label} as a date and time`);

export const callSchema = z.object({
  id: slug,
  title: text('a title', 200),
  // Empty: French and Spanish readers see the English title.
  title_fr: optionalText(200),
  title_es: optionalText(200),
  reference_prefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, 'Use capital letters, digits and hyphens, e.g. CD-2024')
    .max(20, 'Keep the prefix to 20 characters'),
  dialogue_ids: list.pipe(z.array(z.string()).min(1, 'Choose at least one dialogue')),
  opens_local: localDateTime('when applications open'),
  closes_local: localDateTime('the deadline'),
  zone,
});
export type CallInput = z.output<typeof callSchema>;

export const faqSchema = z.object({
  call_id: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  question: text('the question', 500),
  variants: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((v) => v.length <= 100, 'Keep it to 100 variants')
    .refine((v) => v.every((s) => s.length <= 300), 'Each variant must be 300 characters or fewer'),
  answer: text('the answer', 4000),
  source: text('the quoted source (the passage the answer rests on)', 4000),
  source_url: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || safeLinkUrl(v) !== null, 'Enter a web address starting with https:// (no spaces or < > | characters)'),
  topic: z
    .enum(['', ...FAQ_TOPICS], { error: 'Choose a topic' })
    .optional()
    .transform((v) => v || null),
  related: list.pipe(z.array(z.string().max(100)).max(3, 'Choose at most three follow-up questions')),
});
export type FaqInput = z.output<typeof faqSchema>;

export const passwordRule = z
  .string({ error: 'Enter a password' })
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use 200 characters or fewer');

// A focal point speaks for exactly one State party; other roles for none.
const stateParty = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || findCountry(v)?.code === v, { error: 'Choose a State party from the list' });
const withStateParty = <T extends { role: string; state_party: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role === 'state_party' && !v.state_party)
    ctx.addIssue({ code: 'custom', path: ['state_party'], message: 'Choose the State party this focal point speaks for' });
};

export const newUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address')),
    display_name: text('a name', 120),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    state_party: stateParty,
    password: passwordRule,
  })
  .superRefine(withStateParty)
  .transform((v) => ({ ...v, state_party: v.role === 'state_party' ? v.state_party : null }));
export type NewUserInput = z.output<typeof newUserSchema>;

export const editUserSchema = z
  .object({
    display_name: text('a name', 120),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    state_party: stateParty,
    disabled: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
    password: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(passwordRule.nullable()),
  })
  .superRefine(withStateParty)
  .transform((v) => ({ ...v, state_party: v.role === 'state_party' ? v.state_party : null }));
export type EditUserInput = z.output<typeof editUserSchema>;

export const channelSchema = z
  .object({
    call_id: z.string().trim().max(60),
    platform: z.enum(['slack', 'teams'], { error: 'Choose a platform' }),
    conversation: z.string().trim().optional(),
    address: z.string().trim().max(300, 'Keep the id to 300 characters').optional(),
    // '' = the deployment's REVIEW_LOCALE.
    locale: z.union([z.literal(''), z.enum(LOCALES)], { error: 'Choose English, French or Spanish' }).optional(),
  })
  .transform((v) => ({ ...v, address: v.address || v.conversation || '', locale: v.locale || null }));
export type ChannelInput = z.output<typeof channelSchema>;

/** A Slack user id (U…/W…, optionally "T…/U…") or a Teams AAD object id (a GUID). */
export const reviewerSchema = z.discriminatedUnion(
  'platform',
  [
    z.object({
      platform: z.literal('slack'),
      user_id: z
        .string()
        .trim()
        .regex(/^(?:T[A-Z0-9]{2,20}\/)?[UW][A-Z0-9]{2,20}$/, 'Enter a Slack member id such as U0123ABCD'),
      label: z
        .string()
        .trim()
        .max(100, 'Keep the note to 100 characters')
        .optional()
        .transform((v) => v ?? ''),
    }),
    z.object({
      platform: z.literal('teams'),
      user_id: z.string().trim().toLowerCase().pipe(z.guid("Enter the person's Microsoft Entra object id (a GUID)")),
      label: z
        .string()
        .trim()
        .max(100, 'Keep the note to 100 characters')
        .optional()
        .transform((v) => v ?? ''),
    }),
  ],
  { error: 'Choose a platform' },
);

export const settingsSchema = z.object({
  contact_email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address')),
});

export const decisionSchema = z
  .object({
    dialogue_id: z.string({ error: 'Choose a dialogue' }).min(1, 'Choose a dialogue'),
    outcome: z.enum(['approve', 'reject', 'request_info'], { error: 'Choose a decision' }),
    reason: z
      .string()
      .trim()
      .max(2000, 'Keep the reason to 2000 characters')
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    // The domain's rule, so the form and the engine can never disagree (reject needs a reason too).
    if (v.outcome === 'request_info' && !v.reason)
      return void ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say what information is needed' });
    const reason = validateReason(v.outcome, v.reason);
    if (!reason.ok) ctx.addIssue({ code: 'custom', path: ['reason'], message: reason.message });
  });
