/**
 * Per call: who approves what reviewers recommend (the approval body) and the balance targets
 * the secretariat aims for; and the list of applications that came back objected, where the only
 * ways forward are a rejection or a new round with a note.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { readJsonOr } from '../../db/json';
import { APPROVAL_BODIES, isApprovalBody } from '../../domain/approval';
import type { BalanceTargets } from '../../domain/balance';
import { REGIONAL_GROUPS } from '../../domain/countries';
import { AppError } from '../../domain/errors';
import { GENDER_LABELS, GENDERS } from '../../domain/eligibility';
import type { AdminDeps } from '../deps';
import { setApproval } from '../commands/approval';
import type { AdminEnv } from '../env';
import { readForm } from '../form';
import { listCalls, listDialogues } from '../queries/catalog';
import { done, render } from '../render';
import { Csrf } from '../views/layout';
import { roundNotices, StageLink } from '../views/rounds';

const BODY_LABELS = {
  states_parties: 'States parties, non-objection (reviewers recommend)',
  extended_bureau: 'Extended Bureau, non-objection (reviewers recommend)',
  secretariat: 'Secretariat decides (reviewers\u2019 approval is final)',
} as const;

const targetsJson = z.object({
  gender: z.partialRecord(z.enum(GENDERS), z.number().min(0).max(1)).optional(),
  region: z.record(z.string(), z.number().min(0).max(1)).optional(),
});

/** The stored targets of a call; a malformed value reads as none rather than breaking the page. */
export function parseTargets(text: string | null | undefined): BalanceTargets {
  return readJsonOr(text, targetsJson, {});
}

const percent = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: 'A target is a percentage from 0 to 100' });
      return z.NEVER;
    }
    return n / 100;
  });

export function roundSettingsRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/settings', async (c) => {
    const calls = (await listCalls(deps.db)).filter((k) => !k.archived);
    return render(
      c,
      deps,
      { title: 'Approval and balance targets', current: 'rounds', notice: roundNotices(c) },
      <>
        <h1>Approval body and balance targets</h1>
        {calls.map((call) => {
          const targets = parseTargets(call.balance_targets);
          const pct = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v * 1000) / 10));
          return (
            <form method="post" action={`/admin/rounds/settings/${encodeURIComponent(call.id)}`} novalidate class="card">
              <Csrf token={c.get('csrf')} />
              <h2>{call.title}</h2>
              <div class="field">
                <label for={`f-body-${call.id}`}>Who approves what reviewers recommend</label>
                <select id={`f-body-${call.id}`} name="approval_body">
                  {APPROVAL_BODIES.map((b) => (
                    <option value={b} selected={call.approval_body === b}>
                      {BODY_LABELS[b]}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset class="field">
                <legend>Target share by gender (% of participants; empty: no target)</legend>
                {GENDERS.slice(0, 2).map((g) => (
                  <label>
                    {GENDER_LABELS[g]} <input name={`gender_${g}`} inputmode="decimal" size={5} value={pct(targets.gender?.[g])} /> %
                  </label>
                ))}
              </fieldset>
              <fieldset class="field">
                <legend>Target share by UN regional group (% of organisations; empty: no target)</legend>
                {REGIONAL_GROUPS.filter((g) => g !== 'Other').map((g) => (
                  <label>
                    {g} <input name={`region_${g}`} inputmode="decimal" size={5} value={pct(targets.region?.[g])} /> %
                  </label>
                ))}
              </fieldset>
              <div class="actions">
                <button type="submit">Save</button>
              </div>
            </form>
          );
        })}
      </>,
    );
  });

  app.post('/settings/:call', async (c) => {
    const call = (await listCalls(deps.db)).find((k) => k.id === c.req.param('call'));
    if (!call) return c.notFound();
    const raw = await readForm(c);
    if (!isApprovalBody(raw.approval_body))
      throw new AppError('invalid', 'approval_settings_invalid', 'Choose who approves the recommendations.');
    const gender: NonNullable<BalanceTargets['gender']> = {};
    const region: NonNullable<BalanceTargets['region']> = {};
    for (const g of GENDERS.slice(0, 2)) {
      const v = percent.safeParse(String(raw[`gender_${g}`] ?? ''));
      if (!v.success) throw new AppError('invalid', 'approval_settings_invalid', `${GENDER_LABELS[g]}: ${v.error.issues[0]?.message}`);
      if (v.data !== null) gender[g] = v.data;
    }
    for (const g of REGIONAL_GROUPS) {
      const v = percent.safeParse(String(raw[`region_${g}`] ?? ''));
      if (!v.success) throw new AppError('invalid', 'approval_settings_invalid', `${g}: ${v.error.issues[0]?.message}`);
      if (v.data !== null) region[g] = v.data;
    }
    await setApproval(deps, c.get('user'), call, raw.approval_body, { gender, region });
    return done(c, '/admin/rounds/settings', 'approval_saved');
  });

  app.get('/objected', async (c) => {
    const rows = await deps.db
      .selectFrom('application_dialogues as ad')
      .innerJoin('applications as a', 'a.id', 'ad.application_id')
      .leftJoin('round_items as i', (j) =>
        j.onRef('i.application_id', '=', 'ad.application_id').onRef('i.dialogue_id', '=', 'ad.dialogue_id').on('i.active', '=', 1),
      )
      .select(['a.id', 'a.call_id', 'a.reference', 'a.organisation_name', 'ad.dialogue_id', 'i.round_id'])
      .where('ad.status', '=', 'objected')
      .where('a.status', '=', 'submitted')
      .orderBy('a.reference')
      .execute();
    const names = new Map((await listDialogues(deps.db)).map((d) => [d.id, d.short_name]));
    return render(
      c,
      deps,
      { title: 'Objected applications', current: 'rounds', notice: roundNotices(c) },
      <>
        <h1>Objected applications</h1>
        <p>
          A State party objected to these in a round. Each can only be rejected (the applicant is told, with your reason) or sent again in a
          new round with a note.
        </p>
        {rows.length === 0 ? (
          <p>None.</p>
        ) : (
          rows.map((r) => (
            <div class="card">
              <h2>
                <a href={`/admin/applications/${encodeURIComponent(r.id)}`}>{r.reference}</a> — {r.organisation_name} —{' '}
                {names.get(r.dialogue_id) ?? r.dialogue_id}
              </h2>
              {r.round_id ? (
                <p>In an open round again.</p>
              ) : (
                <>
                  <form
                    method="post"
                    action={`/admin/rounds/objected/${encodeURIComponent(r.id)}/${encodeURIComponent(r.dialogue_id)}/reject`}
                    novalidate
                  >
                    <Csrf token={c.get('csrf')} />
                    <div class="field">
                      <label for={`f-reason-${r.id}-${r.dialogue_id}`}>Reason for the applicant</label>
                      <textarea id={`f-reason-${r.id}-${r.dialogue_id}`} name="reason" rows={2}></textarea>
                    </div>
                    <div class="actions">
                      <button type="submit" class="danger">
                        Reject
                      </button>
                      <StageLink callId={r.call_id} dialogueId={r.dialogue_id} />
                    </div>
                  </form>
                </>
              )}
            </div>
          ))
        )}
      </>,
    );
  });

  return app;
}
