/**
 * Every answer of an application, labelled; unknown keys are shown too, so nothing is hidden.
 */
import type { FC } from 'hono/jsx';
import { countryName } from '../../domain/countries';
import { FOCUS_LABELS, GENDER_LABELS, PARTICIPATION_LABELS, STAKEHOLDER_LABELS } from '../../domain/eligibility';

const LABELS: Record<string, string> = {
  dialogueIds: 'Dialogues', participation: 'Participation', organisationName: 'Organisation', stakeholderType: 'Stakeholder type',
  organisationFocus: 'Organisation focus', country: 'Country of headquarters', website: 'Website', areasOfWork: 'Areas of work',
  relevance: 'Relevance to each dialogue', representatives: 'Representatives', travelSupport: 'Travel support requested',
  travelJustification: 'Why travel support is needed', consent: 'Consent given',
};

function show(key: string, v: unknown, dialogueName: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  switch (key) {
    case 'dialogueIds': return (v as string[]).map(dialogueName).join(', ');
    case 'participation': return PARTICIPATION_LABELS[v as keyof typeof PARTICIPATION_LABELS] ?? String(v);
    case 'stakeholderType': return STAKEHOLDER_LABELS[v as keyof typeof STAKEHOLDER_LABELS] ?? String(v);
    case 'organisationFocus': return FOCUS_LABELS[v as keyof typeof FOCUS_LABELS] ?? String(v);
    case 'country': return `${countryName(String(v))} (${String(v)})`;
    case 'relevance': return Object.entries(v as Record<string, string>).map(([k, t]) => `${dialogueName(k)}: ${t}`).join('\n\n');
    case 'representatives':
      return (v as { name: string; gender: string; email: string; role: string; nationality: string }[])
        .map((r) => `${r.name} — ${r.role}; ${GENDER_LABELS[r.gender as keyof typeof GENDER_LABELS] ?? r.gender}; ${countryName(r.nationality)}; ${r.email}`).join('\n');
    default: return typeof v === 'boolean' ? (v ? 'Yes' : 'No') : typeof v === 'string' ? v : JSON.stringify(v, null, 2);
  }
}

export const Answers: FC<{ answers: Record<string, unknown>; dialogueName: (id: string) => string }> = ({ answers, dialogueName }) => {
  const keys = [...Object.keys(LABELS).filter((k) => k in answers), ...Object.keys(answers).filter((k) => !(k in LABELS))];
  if (keys.length === 0) return <p>No answers yet.</p>;
  return (
    <dl class="answers">
      {keys.map((k) => <><dt>{LABELS[k] ?? k}</dt><dd>{show(k, answers[k], dialogueName)}</dd></>)}
    </dl>
  );
};
