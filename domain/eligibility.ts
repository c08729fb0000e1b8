/**
 * Who may apply and who may ask for travel support, and the words shown for each choice.
 */
import { t, type Locale } from './i18n';
import type { ApplicationAnswers, Gender, OrganisationFocus, Participation, StakeholderType } from './types';

type Choice = 'stakeholder' | 'gender' | 'participation' | 'focus';

/** The words for one choice in a locale: choiceLabel('gender', 'female', 'fr') = "Femme". */
export function choiceLabel<T extends string>(kind: Choice, value: T, locale: Locale): string {
  return t(locale, `form.${kind}.${value}` as Parameters<typeof t>[1]);
}

/** Options for a select, labelled in `locale`. */
export function choiceOptions<T extends string>(kind: Choice, values: readonly T[], locale: Locale): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: choiceLabel(kind, value, locale) }));
}

// English labels, for the admin panel and exports (which stay in English).
const english = <T extends string>(kind: Choice, values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, choiceLabel(kind, v, 'en')])) as Record<T, string>;

/** Every stakeholder type may apply; the list order is the order forms show. */
export const STAKEHOLDER_TYPES: readonly StakeholderType[] = ['ngo_ecosoc', 'ngo', 'academia', 'private_sector', 'other'];

export const STAKEHOLDER_LABELS: Record<StakeholderType, string> = english('stakeholder', STAKEHOLDER_TYPES);

export const GENDERS: readonly Gender[] = ['female', 'male', 'non_binary', 'prefer_not_to_say'];

export const GENDER_LABELS: Record<Gender, string> = english('gender', GENDERS);

export const PARTICIPATIONS: readonly Participation[] = ['in_person', 'online'];

export const PARTICIPATION_LABELS: Record<Participation, string> = english('participation', PARTICIPATIONS);

export const FOCUSES: readonly OrganisationFocus[] = ['none', 'grassroots', 'victim_led', 'victim_focused'];

export const FOCUS_LABELS: Record<OrganisationFocus, string> = english('focus', FOCUSES);

const SUPPORTED_FOCUS: ReadonlySet<OrganisationFocus> = new Set(['grassroots', 'victim_led', 'victim_focused']);

/** Every stakeholder type in the call may apply; kept as a function so the rule has one home. */
export function stakeholderMayApply(type: StakeholderType): boolean {
  return STAKEHOLDER_TYPES.includes(type);
}

/**
 * Travel support can only be asked for by grassroots, victim-led or victim-focused
 * organisations attending in person; online participants have no travel to support.
 */
export function travelSupportEligible(answers: Partial<Pick<ApplicationAnswers, 'organisationFocus' | 'participation'>>): boolean {
  return answers.participation === 'in_person' && answers.organisationFocus !== undefined && SUPPORTED_FOCUS.has(answers.organisationFocus);
}
