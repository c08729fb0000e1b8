/**
 * The application filter form (GET, so a filtered list can be bookmarked and shared).
 */
import type { FC } from 'hono/jsx';
import type { DialogueRow } from '../../db/schema';
import { REGIONAL_GROUPS } from '../../domain/countries';
import { GENDER_LABELS, STAKEHOLDER_LABELS } from '../../domain/eligibility';
import type { AppFilters } from '../queries/applications';
import { APPLICATION_STATUS_LABELS, REVIEW_STATUS_LABELS } from './format';

const Sel: FC<{ name: keyof AppFilters; label: string; value?: string; options: [string, string][] }> = ({
  name,
  label,
  value,
  options,
}) => (
  <div class="field">
    <label for={`flt-${name}`}>{label}</label>
    <select id={`flt-${name}`} name={name}>
      <option value="">Any</option>
      {options.map(([v, l]) => (
        <option value={v} selected={value === v}>
          {l}
        </option>
      ))}
    </select>
  </div>
);

export const FilterForm: FC<{ f: AppFilters; dialogues: DialogueRow[] }> = ({ f, dialogues }) => (
  <form method="get" action="/admin/applications" class="filters" role="search" aria-label="Filter applications">
    <div class="field wide">
      <label for="flt-q">Search</label>
      <p class="hint" id="flt-q-hint">
        Organisation name, or a reference such as CD-2023-0042.
      </p>
      <input id="flt-q" name="q" type="search" value={f.q ?? ''} aria-describedby="flt-q-hint" />
    </div>
    <Sel
      name="match"
      label="Name match"
      value={f.match}
      options={[
        ['contains', 'Contains'],
        ['prefix', 'Starts with'],
      ]}
    />
    <Sel name="dialogue" label="Dialogue" value={f.dialogue} options={dialogues.map((d) => [d.id, d.short_name])} />
    <Sel name="status" label="Application status" value={f.status} options={Object.entries(APPLICATION_STATUS_LABELS)} />
    <Sel name="review" label="Review status" value={f.review} options={Object.entries(REVIEW_STATUS_LABELS)} />
    <Sel name="stakeholder" label="Stakeholder type" value={f.stakeholder} options={Object.entries(STAKEHOLDER_LABELS)} />
    <Sel name="region" label="UN regional group" value={f.region} options={REGIONAL_GROUPS.map((g) => [g, g])} />
    <Sel name="gender" label="A representative's gender" value={f.gender} options={Object.entries(GENDER_LABELS)} />
    <Sel
      name="ecosoc"
      label="ECOSOC status"
      value={f.ecosoc}
      options={[
        ['yes', 'With ECOSOC status'],
        ['no', 'Without ECOSOC status'],
      ]}
    />
    <Sel
      name="travel"
      label="Travel support"
      value={f.travel}
      options={[
        ['yes', 'Requested'],
        ['no', 'Not requested'],
      ]}
    />
    <div class="field wide actions">
      <button type="submit">Apply filters</button>
      <a href="/admin/applications">Clear filters</a>
    </div>
  </form>
);
