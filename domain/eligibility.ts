/**
 * Who may apply and who may ask for travel support, and the words shown for each choice.
 */
import type { ApplicationAnswers, Gender, OrganisationFocus, Participation, StakeholderType } from './types';

/** Every stakeholder type may apply; the list order is the order forms show. */
export const STAKEHOLDER_TYPES: readonly StakeholderType[] = ['ngo_ecosoc', 'ngo', 'academia', 'private_sector', 'other'];

export const STAKEHOLDER_LABELS: Record<StakeholderType, string> = {
  ngo_ecosoc: 'NGO with ECOSOC consultative status',
  ngo: 'NGO without ECOSOC status',
  academia: 'Academia',
  private_sector: 'Private sector',
  other: 'Other',
};

export const GENDERS: readonly Gender[] = ['female', 'male', 'non_binary', 'prefer_not_to_say'];

export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  prefer_not_to_say: 'Prefer not to say',
};

export const PARTICIPATIONS: readonly Participation[] = ['in_person', 'online'];

export const PARTICIPATION_LABELS: Record<Participation, string> = {
  in_person: 'In person',
  online: 'Online',
};

export const FOCUSES: readonly OrganisationFocus[] = ['none', 'grassroots', 'victim_led', 'victim_focused'];

export const FOCUS_LABELS: Record<OrganisationFocus, string> = {
  none: 'None of these',
  grassroots: 'Grassroots organisation',
  victim_led: 'Victim-led organisation',
  victim_focused: 'Victim-focused organisation',
};

const SUPPORTED_FOCUS: ReadonlySet<OrganisationFocus> = new Set(['grassroots', 'victim_led', 'victim_focused']);

/** Every stakeholder type in the call may apply; kept as a function so the rule has one home. */
export function stakeholderMayApply(type: StakeholderType): boolean {
  return STAKEHOLDER_TYPES.includes(type);
}

/**
 * Travel support can only be asked for by grassroots, victim-led or victim-focused
 * organisations attending in person; online participants have no travel to support.
 */
export function travelSupportEligible(
  answers: Partial<Pick<ApplicationAnswers, 'organisationFocus' | 'participation'>>,
): boolean {
  return (
    answers.participation === 'in_person' &&
    answers.organisationFocus !== undefined &&
    SUPPORTED_FOCUS.has(answers.organisationFocus)
  );
}
