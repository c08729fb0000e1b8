/**
 * Every answer of an application, labelled; unknown keys are shown too, so nothing is hidden.
 */
import type { FC } from 'hono/jsx';
import * as z from 'zod';
import { countryName } from '../../domain/countries';
import { FOCUS_LABELS, GENDER_LABELS, PARTICIPATION_LABELS, STAKEHOLDER_LABELS } from '../../domain/eligibility';

const LABELS: Record<string, string> = {
  dialogueIds: 'Dialogues',
  participation: 'Participation',
  organisationName: 'Organisation',
  stakeholderType: 'Stakeholder type',
  organisationFocus: 'Organisation focus',
  country: 'Country of headquarters',
  website: 'Website',
  areasOfWork: 'Areas of work',
  relevance: 'Relevance to each dialogue',
  representatives: 'Representatives',
  travelSupport: 'Travel support requested',
  travelJustification: 'Why travel support is needed',
  consent: 'Consent given',
};

// Stored answers are whatever the form saved at the time: each is read by its expected shape,
// and anything else is shown as it is rather than hidden or failing the page.
const ids = z.array(z.string());
const relevance = z.record(z.string(), z.string());
const representatives = z.array(
  z.object({ name: z.string(), gender: z.string(), email: z.string(), role: z.string(), nationality: z.string() }),
);

/** The label of a stored code, or the code itself when it is not (or no longer) one of ours. */
function labelOf<K extends string>(labels: Record<K, string>, v: unknown): string {
  return Object.entries<string>(labels).find(([k]) => k === v)?.[1] ?? String(v);
}

function show(key: string, v: unknown, dialogueName: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  const raw = () => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  switch (key) {
    case 'dialogueIds': {
      const r = ids.safeParse(v);
      return r.success ? r.data.map(dialogueName).join(', ') : raw();
    }
    case 'participation':
      return labelOf(PARTICIPATION_LABELS, v);
    case 'stakeholderType':
      return labelOf(STAKEHOLDER_LABELS, v);
    case 'organisationFocus':
      return labelOf(FOCUS_LABELS, v);
    case 'country':
      return `${countryName(String(v))} (${String(v)})`;
    case 'relevance': {
      const r = relevance.safeParse(v);
      return r.success
        ? Object.entries(r.data)
            .map(([k, t]) => `${dialogueName(k)}: ${t}`)
            .join('\n\n')
        : raw();
    }
    case 'representatives': {
      const r = representatives.safeParse(v);
      return r.success
        ? r.data
            .map((p) => `${p.name} — ${p.role}; ${labelOf(GENDER_LABELS, p.gender)}; ${countryName(p.nationality)}; ${p.email}`)
            .join('\n')
        : raw();
    }
    default:
      return raw();
  }
}

export const Answers: FC<{ answers: Record<string, unknown>; dialogueName: (id: string) => string }> = ({ answers, dialogueName }) => {
  const keys = [...Object.keys(LABELS).filter((k) => k in answers), ...Object.keys(answers).filter((k) => !(k in LABELS))];
  if (keys.length === 0) return <p>No answers yet.</p>;
  return (
    <dl class="answers">
      {keys.map((k) => (
        <>
          <dt>{LABELS[k] ?? k}</dt>
          <dd>{show(k, answers[k], dialogueName)}</dd>
        </>
      ))}
    </dl>
  );
};
