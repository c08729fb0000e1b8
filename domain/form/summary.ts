/**
 * Read-only views of answers: everything for the applicant to confirm, and the least personal
 * data a reviewer needs to decide.
 */
import { dialogueName } from '../localized';
import { countryName, regionalGroupOf } from '../countries';
import { groupName } from '../regional-groups';
import { choiceLabel, GENDERS, travelSupportEligible } from '../eligibility';
import { t, type Locale } from '../i18n';
import type { CardField } from '../messages';
import type { ApplicationAnswers, Dialogue } from '../types';

function dialogueNames(ids: readonly string[], dialogues: readonly Dialogue[], short: boolean, l: Locale): string {
  return ids.map((id) => dialogueName(dialogues, id, l, short ? 'short' : 'full')).join(', ');
}

const yesNo = (b: boolean, l: Locale): string => t(l, b ? 'form.yes' : 'form.no');

/** Everything answered so far, labelled for the applicant to check before submitting. */
export function summaryFields(answers: Partial<ApplicationAnswers>, dialogues: Dialogue[], l: Locale = 'en'): CardField[] {
  const out: CardField[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) out.push({ label, value });
  };
  if (answers.dialogueIds?.length) add(t(l, 'form.summary.dialogues'), dialogueNames(answers.dialogueIds, dialogues, false, l));
  if (answers.participation) add(t(l, 'form.summary.participation'), choiceLabel('participation', answers.participation, l));
  add(t(l, 'form.summary.organisation'), answers.organisationName);
  if (answers.stakeholderType) add(t(l, 'form.summary.type'), choiceLabel('stakeholder', answers.stakeholderType, l));
  if (answers.organisationFocus) add(t(l, 'form.summary.focus'), choiceLabel('focus', answers.organisationFocus, l));
  if (answers.country) add(t(l, 'form.summary.country'), countryName(answers.country, l));
  add(t(l, 'form.summary.website'), answers.website);
  add(t(l, 'form.summary.areas'), answers.areasOfWork);
  for (const id of answers.dialogueIds ?? []) {
    add(t(l, 'form.summary.relevance', { dialogue: dialogueName(dialogues, id, l) }), answers.relevance?.[id]);
  }
  (answers.representatives ?? []).forEach((r, i) => {
    add(
      t(l, 'form.summary.representative', { n: i + 1 }),
      t(l, 'form.summary.representative.value', {
        name: r.name,
        gender: choiceLabel('gender', r.gender, l),
        email: r.email,
        role: r.role,
        nationality: countryName(r.nationality, l),
      }),
    );
  });
  // Only those the travel step asks; for others "No" would answer a question never put to them.
  const travel = answers.travelSupport;
  const asked = travel !== undefined && travelSupportEligible(answers);
  if (asked) add(t(l, 'form.summary.travel'), yesNo(travel, l));
  if (asked && answers.travelSupport) add(t(l, 'form.summary.travelWhy'), answers.travelJustification);
  if (answers.consent) add(t(l, 'form.summary.consent'), t(l, 'form.summary.consentGiven'));
  return out;
}

/**
 * What a reviewer channel sees: the organisation and the balance facts (stakeholder type,
 * regional group, genders), never names or contact details of the people.
 */
export function reviewerFields(answers: ApplicationAnswers, dialogues: Dialogue[], l: Locale = 'en'): CardField[] {
  const reps = answers.representatives;
  const genders = GENDERS.map((g) => [g, reps.filter((r) => r.gender === g).length] as const)
    .filter(([, n]) => n > 0)
    .map(([g, n]) => t(l, 'review.field.genderCount', { count: n, gender: g }));
  return [
    { label: t(l, 'form.summary.organisation'), value: answers.organisationName },
    { label: t(l, 'form.summary.type'), value: choiceLabel('stakeholder', answers.stakeholderType, l) },
    { label: t(l, 'review.field.ecosoc'), value: yesNo(answers.stakeholderType === 'ngo_ecosoc', l) },
    {
      label: t(l, 'form.summary.country'),
      value: t(l, 'review.field.countryValue', {
        country: countryName(answers.country, l),
        group: groupName(regionalGroupOf(answers.country), l),
      }),
    },
    { label: t(l, 'form.summary.dialogues'), value: dialogueNames(answers.dialogueIds, dialogues, true, l) },
    { label: t(l, 'form.summary.participation'), value: choiceLabel('participation', answers.participation, l) },
    { label: t(l, 'form.summary.travel'), value: yesNo(answers.travelSupport, l) },
    {
      label: t(l, 'review.field.representatives'),
      value: t(l, 'review.field.representativesValue', {
        count: reps.length,
        genders: new Intl.ListFormat(l, { style: 'short', type: 'unit' }).format(genders),
      }),
    },
  ];
}
