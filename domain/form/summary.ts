/**
 * Read-only views of answers: everything for the applicant to confirm, and the least personal
 * data a reviewer needs to decide.
 */
import { countryName, regionalGroupOf } from '../countries';
import { FOCUS_LABELS, GENDERS, GENDER_LABELS, PARTICIPATION_LABELS, STAKEHOLDER_LABELS, travelSupportEligible } from '../eligibility';
import type { CardField } from '../messages';
import type { ApplicationAnswers, Dialogue } from '../types';

function dialogueNames(ids: readonly string[], dialogues: readonly Dialogue[], short: boolean): string {
  return ids
    .map((id) => {
      const d = dialogues.find((x) => x.id === id);
      return d ? (short ? d.shortName : d.name) : id;
    })
    .join(', ');
}

const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

/** Everything answered so far, labelled for the applicant to check before submitting. */
export function summaryFields(answers: Partial<ApplicationAnswers>, dialogues: Dialogue[]): CardField[] {
  const out: CardField[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) out.push({ label, value });
  };
  if (answers.dialogueIds?.length) add('Dialogues', dialogueNames(answers.dialogueIds, dialogues, false));
  if (answers.participation) add('Participation', PARTICIPATION_LABELS[answers.participation]);
  add('Organisation', answers.organisationName);
  if (answers.stakeholderType) add('Type of organisation', STAKEHOLDER_LABELS[answers.stakeholderType]);
  if (answers.organisationFocus) add('Grassroots, victim-led or victim-focused', FOCUS_LABELS[answers.organisationFocus]);
  if (answers.country) add('Country', countryName(answers.country));
  add('Website', answers.website);
  add('Areas of work', answers.areasOfWork);
  for (const id of answers.dialogueIds ?? []) {
    const d = dialogues.find((x) => x.id === id);
    add(`Relevance to the ${d?.shortName ?? id} dialogue`, answers.relevance?.[id]);
  }
  (answers.representatives ?? []).forEach((r, i) => {
    const parts = [r.name, GENDER_LABELS[r.gender], r.email, r.role, r.nationality ? `nationality: ${countryName(r.nationality)}` : ''];
    add(`Representative ${i + 1}`, parts.filter(Boolean).join(', '));
  });
  // Only those the travel step asks; for others "No" would answer a question never put to them.
  const asked = answers.travelSupport !== undefined && travelSupportEligible(answers);
  if (asked) add('Travel support requested', yesNo(answers.travelSupport!));
  if (asked && answers.travelSupport) add('Why travel support is needed', answers.travelJustification);
  if (answers.consent) add('Consent to data processing', 'Given');
  return out;
}

/**
 * What a reviewer channel sees: the organisation and the balance facts (stakeholder type,
 * regional group, genders), never names or contact details of the people.
 */
export function reviewerFields(answers: ApplicationAnswers, dialogues: Dialogue[]): CardField[] {
  const reps = answers.representatives;
  const genders = GENDERS.map((g) => [g, reps.filter((r) => r.gender === g).length] as const)
    .filter(([, n]) => n > 0)
    .map(([g, n]) => `${n} ${GENDER_LABELS[g].toLowerCase()}`);
  return [
    { label: 'Organisation', value: answers.organisationName },
    { label: 'Type of organisation', value: STAKEHOLDER_LABELS[answers.stakeholderType] },
    { label: 'ECOSOC consultative status', value: yesNo(answers.stakeholderType === 'ngo_ecosoc') },
    { label: 'Country', value: `${countryName(answers.country)} (${regionalGroupOf(answers.country)})` },
    { label: 'Dialogues', value: dialogueNames(answers.dialogueIds, dialogues, true) },
    { label: 'Participation', value: PARTICIPATION_LABELS[answers.participation] },
    { label: 'Travel support requested', value: yesNo(answers.travelSupport) },
    { label: 'Representatives', value: `${reps.length} (${genders.join(', ')})` },
  ];
}
