/**
 * Balance per dialogue: the diversity the call promises (gender, region, stakeholder type),
 * among applicants and among those approved.
 */
import { Hono } from 'hono';
import { REGIONAL_GROUPS } from '../../domain/countries';
import { GENDER_LABELS, STAKEHOLDER_LABELS, STAKEHOLDER_TYPES, GENDERS } from '../../domain/eligibility';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { balanceFor, type BalanceRow } from '../queries/balance';
import { listCalls, listDialogues } from '../queries/catalog';
import { underTarget } from '../../domain/balance';
import { parseTargets } from './round-settings';
import { render } from '../render';
import { BarChart, type Bar } from '../views/chart';

/**
 * Every known category shows, even at zero, in a stable order; unknown keys follow. With
 * targets, a group whose share of recommended + approved is below its target is marked.
 */
function bars(rows: BalanceRow[], order: readonly string[], labels: Record<string, string> = {}, targets?: Record<string, number>): Bar[] {
  const by = new Map(rows.map((r) => [r.key, r]));
  const keys = [...order, ...rows.map((r) => r.key).filter((k) => !order.includes(k))];
  const under = underTarget(Object.fromEntries(rows.map((r) => [r.key, r.recommended + r.approved])), targets);
  return keys.map((k) => ({
    label: labels[k] ?? k,
    applicants: by.get(k)?.applicants ?? 0,
    recommended: by.get(k)?.recommended ?? 0,
    approved: by.get(k)?.approved ?? 0,
    ...(targets?.[k] !== undefined ? { target: targets[k] } : {}),
    under: under.has(k),
  }));
}

export function balanceRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const dialogues = (await listDialogues(deps.db)).filter((d) => d.status !== 'archived' || d.id === c.req.query('dialogue'));
    const chosen = dialogues.find((d) => d.id === c.req.query('dialogue')) ?? dialogues.find((d) => d.status === 'active') ?? dialogues[0];
    const data = chosen ? await balanceFor(deps.db, chosen.id) : null;
    // Targets belong to the call: the open (or latest) call that holds this dialogue.
    const calls = (await listCalls(deps.db)).filter((k) => chosen && k.dialogueIds.includes(chosen.id));
    const targets = parseTargets(calls.find((k) => !k.archived)?.balance_targets ?? calls[0]?.balance_targets);
    return render(
      c,
      deps,
      { title: 'Balance', current: 'balance' },
      <>
        <h1>Balance{chosen ? `: ${chosen.short_name}` : ''}</h1>
        <form method="get" action="/admin/balance" class="filters" aria-label="Choose a dialogue">
          <div class="field wide">
            <label for="f-dialogue">Dialogue</label>
            <select id="f-dialogue" name="dialogue">
              {dialogues.map((d) => (
                <option value={d.id} selected={d.id === chosen?.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit">Show</button>
          </div>
        </form>
        <p class="small muted">
          Applicants: submitted applications that chose this dialogue and did not withdraw. Recommended: approved by reviewers, waiting for
          the approval body. Gender counts representatives; the other charts count organisations. Groups whose share of recommended and
          approved is below the call's target are marked; targets are set under <a href="/admin/rounds/settings">Approval rounds</a>.
        </p>
        {data && (
          <div class="charts">
            <BarChart
              id="gender"
              title="Representatives by gender"
              group="Gender"
              unit="people"
              bars={bars(data.gender, GENDERS, GENDER_LABELS, targets.gender)}
            />
            <BarChart
              id="region"
              title="Applications by UN regional group"
              group="UN regional group"
              unit="organisations"
              bars={bars(data.region, REGIONAL_GROUPS, {}, targets.region)}
            />
            <BarChart
              id="type"
              title="Applications by stakeholder type"
              group="Stakeholder type"
              unit="organisations"
              bars={bars(data.type, STAKEHOLDER_TYPES, STAKEHOLDER_LABELS)}
            />
            <BarChart
              id="ecosoc"
              title="Applications by ECOSOC status"
              group="ECOSOC status"
              unit="organisations"
              bars={bars(data.ecosoc, ['With ECOSOC status', 'NGO without ECOSOC status', 'Not an NGO'])}
            />
          </div>
        )}
      </>,
    );
  });
  return app;
}
