/**
 * Non-objection rounds, for the secretariat: send recommended applications to the approval body
 * with a closing time, follow each round (and the objections, which only the secretariat sees),
 * cancel a round with a reason, and deal with what came back objected: reject it, or send it
 * again in a new round with a note.
 */
import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { dialogueTranslationsJson, parseJson } from '../../db/json';
import { cancelRound, rejectObjected } from '../../db/store/round-close';
import { getRound, listRounds, objectionsOf, sendRound } from '../../db/store/rounds';
import { approvalBodyOf, cancelReasonSchema, defaultRoundClose, resendNoteSchema, ROUND_ZONE, twoStage } from '../../domain/approval';
import { countryName } from '../../domain/countries';
import { decisionNotice, roundNotice } from '../../domain/notifications';
import type { AdminDeps } from '../deps';
import { personRecipients, toEach } from '../../bot/core/context';
import { actorRef } from '../audit';
import type { AdminEnv } from '../env';
import { readForm, type RawForm } from '../form';
import { listCalls, listDialogues } from '../queries/catalog';
import { candidates, focalPoints, roundOrganisations } from '../queries/rounds';
import { done, render } from '../render';
import { ErrorSummary, type Errors } from '../views/fields';
import { toLocalInput, viennaDeadline } from '../views/format';
import { Csrf } from '../views/layout';
import { localTime, viewerZone } from '../views/zone';
import { RoundTable, roundNotices, StageLink } from '../views/rounds';

const BODY_WORDS = { states_parties: 'States parties', extended_bureau: 'Extended Bureau', secretariat: 'Secretariat' } as const;

const sendSchema = z.object({
  call_id: z.string().trim().min(1).max(100),
  dialogue_id: z.string().trim().min(1).max(100),
  application_ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.string().max(100)).min(1, 'Choose at least one application').max(2000),
  ),
  closes_local: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter the closing date and time'),
});

export function roundRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const [rounds, calls, dialogues] = await Promise.all([listRounds(deps.db), listCalls(deps.db), listDialogues(deps.db)]);
    const names = new Map(dialogues.map((d) => [d.id, d.short_name]));
    const ready: { callId: string; callTitle: string; dialogueId: string; recommended: number; objected: number }[] = [];
    for (const call of calls.filter((k) => !k.archived)) {
      for (const dialogueId of call.dialogueIds) {
        const list = (await candidates(deps.db, call.id, dialogueId)).filter((x) => !x.liveRoundId);
        if (list.length)
          ready.push({
            callId: call.id,
            callTitle: call.title,
            dialogueId,
            recommended: list.filter((x) => x.status === 'recommended').length,
            objected: list.filter((x) => x.status === 'objected').length,
          });
      }
    }
    const zone = viewerZone(c);
    return render(
      c,
      deps,
      { title: 'Approval rounds', current: 'rounds', notice: roundNotices(c) },
      <>
        <h1>Approval rounds</h1>
        <p>
          What reviewers approve is a recommendation when a call's approval body is the States parties or the Extended Bureau: send it in a
          non-objection round. <a href="/admin/rounds/settings">Approval body and balance targets per call</a>.
        </p>
        <h2>Waiting for a round</h2>
        {ready.length === 0 ? (
          <p>No recommended application is waiting for a round.</p>
        ) : (
          <ul>
            {ready.map((r) => (
              <li>
                {r.callTitle} — {names.get(r.dialogueId) ?? r.dialogueId}: {r.recommended} recommended
                {r.objected ? `, ${r.objected} objected` : ''} <StageLink callId={r.callId} dialogueId={r.dialogueId} />
              </li>
            ))}
          </ul>
        )}
        <h2>Rounds</h2>
        <RoundTable rounds={rounds} names={names} zone={zone} />
      </>,
    );
  });

  const newForm = async (
    c: Context<AdminEnv>,
    callId: string,
    dialogueId: string,
    values: RawForm,
    errors: Errors,
    status: 200 | 400 | 409 = 200,
  ) => {
    const call = (await listCalls(deps.db)).find((k) => k.id === callId && k.dialogueIds.includes(dialogueId));
    if (!call) return c.notFound();
    const body = approvalBodyOf({ approvalBody: call.approval_body });
    const dialogue = (await listDialogues(deps.db)).find((d) => d.id === dialogueId);
    const list = await candidates(deps.db, callId, dialogueId);
    const chosen = new Set(
      Array.isArray(values.application_ids)
        ? values.application_ids
        : values.application_ids
          ? [values.application_ids]
          : list.filter((x) => !x.liveRoundId && x.status === 'recommended').map((x) => x.applicationId),
    );
    const closes =
      typeof values.closes_local === 'string' ? values.closes_local : toLocalInput(defaultRoundClose(deps.clock.now()), ROUND_ZONE);
    return render(
      c,
      deps,
      { title: 'New approval round', current: 'rounds' },
      <>
        <h1>New round: {dialogue?.name ?? dialogueId}</h1>
        <p>
          Sent to: <strong>{BODY_WORDS[body]}</strong> (non-objection).{' '}
          {twoStage(body) ? '' : 'This call has the secretariat decide: no round is needed.'}
        </p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/rounds/new" novalidate>
          <Csrf token={c.get('csrf')} />
          <input type="hidden" name="call_id" value={callId} />
          <input type="hidden" name="dialogue_id" value={dialogueId} />
          <fieldset class={errors.application_ids ? 'field checks has-error' : 'field checks'} id="f-application_ids">
            <legend>Applications in this round</legend>
            <p class="hint">
              All recommended applications are chosen. Once sent, the list cannot be changed; the round can only be cancelled.
            </p>
            {list.map((x) => (
              <div>
                <label>
                  <input
                    type="checkbox"
                    name="application_ids"
                    value={x.applicationId}
                    checked={chosen.has(x.applicationId)}
                    disabled={Boolean(x.liveRoundId)}
                  />{' '}
                  {x.reference} — {x.organisation} ({x.country ? countryName(x.country) : '—'}, {x.regionalGroup ?? '—'})
                  {x.status === 'objected' ? ' — objected in an earlier round' : ''}
                  {x.liveRoundId ? ' — already in an open round' : ''}
                </label>
                {x.status === 'objected' && !x.liveRoundId && (
                  <div class={errors[`note_${x.applicationId}`] ? 'field has-error' : 'field'}>
                    <label for={`f-note_${x.applicationId}`}>
                      Note for the States parties about {x.reference} (required to send it again)
                    </label>
                    {errors[`note_${x.applicationId}`] && <p class="error">{errors[`note_${x.applicationId}`]}</p>}
                    <textarea id={`f-note_${x.applicationId}`} name={`note_${x.applicationId}`} rows={2}>
                      {String(values[`note_${x.applicationId}`] ?? '')}
                    </textarea>
                  </div>
                )}
              </div>
            ))}
          </fieldset>
          <div class={errors.closes_local ? 'field has-error' : 'field'}>
            <label for="f-closes_local">Closes (Vienna time)</label>
            <p class="hint" id="closes-hint">
              Default: the end of the 10th working day from today, Vienna time. Objections are accepted strictly before this moment.
            </p>
            {errors.closes_local && <p class="error">{errors.closes_local}</p>}
            <input id="f-closes_local" name="closes_local" type="datetime-local" value={closes} aria-describedby="closes-hint" />
          </div>
          <div class="actions">
            <button type="submit">Send the round</button>
            <a href="/admin/rounds">Cancel</a>
          </div>
        </form>
      </>,
      status,
    );
  };

  app.get('/new', (c) => newForm(c, c.req.query('call') ?? '', c.req.query('dialogue') ?? '', {}, {}));

  app.post('/new', async (c) => {
    const raw = await readForm(c);
    const parsed = sendSchema.safeParse(raw);
    const callId = String(raw.call_id ?? '');
    const dialogueId = String(raw.dialogue_id ?? '');
    if (!parsed.success) {
      const errors: Errors = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return newForm(c, callId, dialogueId, raw, errors, 400);
    }
    const v = parsed.data;
    const call = (await listCalls(deps.db)).find((k) => k.id === v.call_id && k.dialogueIds.includes(v.dialogue_id));
    if (!call) return c.notFound();
    const body = approvalBodyOf({ approvalBody: call.approval_body });
    if (body === 'secretariat')
      return newForm(
        c,
        callId,
        dialogueId,
        raw,
        { application_ids: 'This call has the secretariat decide: reviewers\u2019 approvals are final and need no round.' },
        409,
      );
    const closes = DateTime.fromISO(v.closes_local, { zone: ROUND_ZONE });
    if (!closes.isValid) return newForm(c, callId, dialogueId, raw, { closes_local: 'Enter a real date and time' }, 400);
    const errors: Errors = {};
    const items = v.application_ids.map((id) => {
      const note = String(raw[`note_${id}`] ?? '').trim();
      if (!note) return { applicationId: id, note: null };
      const checked = resendNoteSchema.safeParse(note);
      if (!checked.success) errors[`note_${id}`] = checked.error.issues[0]?.message;
      return { applicationId: id, note: checked.success ? checked.data : null };
    });
    if (Object.keys(errors).length) return newForm(c, callId, dialogueId, raw, errors, 400);
    const now = deps.clock.now().toISOString();
    const focal = await focalPoints(deps.db);
    // Focal points read the reviewers' language, the dialogue's name included.
    const l = deps.settings.reviewLocale ?? 'en';
    const row = (await listDialogues(deps.db)).find((d) => d.id === v.dialogue_id);
    const translated =
      row && l !== 'en' ? parseJson(row.translations, dialogueTranslationsJson, 'dialogue translations')[l]?.name : undefined;
    const dialogueName = translated || row?.name || v.dialogue_id;
    const result = await sendRound(deps.db, deps.atomic, {
      callId: v.call_id,
      dialogueId: v.dialogue_id,
      body,
      closesAt: closes.toUTC().toISO()!,
      zone: ROUND_ZONE,
      items,
      actorRef: actorRef(c.get('user')),
      now,
      messages: (round) =>
        focal.map((f) => roundNotice(round, dialogueName, items.length, f, `${deps.settings.publicUrl ?? ''}/admin/objections`, l)),
    });
    if (!result.ok) {
      const why = {
        empty: 'Choose at least one application.',
        closes_in_past: 'The closing time must be in the future.',
        not_recommended: 'Some chosen applications are not recommended (any more); the list below is current.',
        in_live_round: 'Some chosen applications are already in an open round: an application can be in one round at a time.',
        note_required: 'Applications objected in an earlier round need a note for the States parties.',
      }[result.code];
      const field = result.code === 'closes_in_past' ? 'closes_local' : 'application_ids';
      const more: Errors =
        result.code === 'note_required'
          ? Object.fromEntries(result.applicationIds.map((id) => [`note_${id}`, 'Write a note to send this application again.']))
          : {};
      return newForm(c, callId, dialogueId, raw, { [field]: why, ...more }, 409);
    }
    deps.kickOutbox();
    return done(c, `/admin/rounds/${result.round.id}`, 'round_sent');
  });

  app.get('/:id', async (c) => {
    const round = await getRound(deps.db, c.req.param('id'));
    if (!round) return c.notFound();
    const [orgs, objections, dialogues, users] = await Promise.all([
      roundOrganisations(deps.db, round.id),
      objectionsOf(deps.db, round.id),
      listDialogues(deps.db),
      deps.db.selectFrom('admin_users').select(['id', 'email', 'display_name']).execute(),
    ]);
    const who = new Map(users.map((u) => [u.id, `${u.display_name} <${u.email}>`]));
    const zone = viewerZone(c);
    const dialogue = dialogues.find((d) => d.id === round.dialogueId);
    return render(
      c,
      deps,
      { title: 'Approval round', current: 'rounds', notice: roundNotices(c) },
      <>
        <h1>Round: {dialogue?.name ?? round.dialogueId}</h1>
        <p>
          Sent to the {BODY_WORDS[round.body]} on {viennaDeadline(round.sentAt)}. Status: <strong>{round.status}</strong>. Closes{' '}
          {viennaDeadline(round.closesAt)}
          {zone && zone !== ROUND_ZONE ? ` — ${localTime(round.closesAt, zone)}` : ''}.
        </p>
        {round.cancelReason && (
          <p>
            Cancelled on {viennaDeadline(round.cancelledAt ?? '')}: {round.cancelReason}
          </p>
        )}
        <h2>Organisations ({orgs.length})</h2>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Organisation</th>
                <th scope="col">Country</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <tr>
                  <td data-label="Reference">
                    <a href={`/admin/applications/${encodeURIComponent(o.applicationId)}`}>{o.reference}</a>
                  </td>
                  <td data-label="Organisation">
                    {o.name}
                    {o.note ? (
                      <>
                        <br />
                        <span class="small muted">Note: {o.note}</span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td data-label="Country">{countryName(o.country)}</td>
                  <td data-label="Outcome">{o.outcome ?? (round.status === 'open' ? 'in the round' : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>Objections ({objections.filter((o) => !o.withdrawnAt).length} standing)</h2>
        <p class="small muted">Only the secretariat sees objections and who made them.</p>
        {objections.length === 0 ? (
          <p>No objection.</p>
        ) : (
          <ul>
            {objections.map((o) => (
              <li>
                {countryName(o.state)} ({who.get(o.userId) ?? o.userId}) on{' '}
                {orgs.find((x) => x.applicationId === o.applicationId)?.reference}: “{o.reason}” — {viennaDeadline(o.createdAt)}
                {o.withdrawnAt ? ` — withdrawn ${viennaDeadline(o.withdrawnAt)}` : ''}
              </li>
            ))}
          </ul>
        )}
        {round.status === 'open' && (
          <form method="post" action={`/admin/rounds/${encodeURIComponent(round.id)}/cancel`} novalidate>
            <Csrf token={c.get('csrf')} />
            <h2>Cancel this round</h2>
            <p class="hint">A sent round cannot be edited. Cancelling it approves nothing; its applications can go into a new round.</p>
            <div class="field">
              <label for="f-reason">Reason for cancelling</label>
              <textarea id="f-reason" name="reason" rows={2}></textarea>
            </div>
            <div class="actions">
              <button type="submit" class="danger">
                Cancel the round
              </button>
            </div>
          </form>
        )}
      </>,
    );
  });

  app.post('/:id/cancel', async (c) => {
    const raw = await readForm(c);
    const reason = cancelReasonSchema.safeParse(raw.reason);
    if (!reason.success) return done(c, `/admin/rounds/${encodeURIComponent(c.req.param('id'))}`, 'round_cancel_reason');
    const ok = await cancelRound(deps.db, deps.atomic, {
      roundId: c.req.param('id'),
      reason: reason.data,
      actorRef: actorRef(c.get('user')),
      now: deps.clock.now().toISOString(),
    });
    return done(c, `/admin/rounds/${encodeURIComponent(c.req.param('id'))}`, ok ? 'round_cancelled' : 'round_not_open');
  });

  app.post('/objected/:application/:dialogue/reject', async (c) => {
    const raw = await readForm(c);
    const reason = cancelReasonSchema.safeParse(raw.reason);
    if (!reason.success) return done(c, '/admin/rounds/objected', 'reject_reason');
    const app = await deps.store.get(c.req.param('application'));
    if (!app) return c.notFound();
    const dialogueId = c.req.param('dialogue');
    const dialogues = await deps.store.listDialogues();
    const to = await personRecipients(deps.store, app.personId);
    const now = deps.clock.now().toISOString();
    const decision = {
      id: `objected:${app.id}:${dialogueId}`,
      applicationId: app.id,
      dialogueId,
      round: 0,
      outcome: 'reject' as const,
      reason: reason.data,
      deciderName: c.get('user').displayName,
      deciderRef: actorRef(c.get('user')),
      decidedAt: now,
    };
    const contact = (await deps.store.getSetting<string>('contact_email')) ?? 'the secretariat';
    const ok = await rejectObjected(deps.db, deps.atomic, {
      applicationId: app.id,
      dialogueId,
      reason: reason.data,
      actorRef: actorRef(c.get('user')),
      now,
      messages: to[0] ? toEach(decisionNotice(app, decision, dialogues, to[0], contact), to) : [],
    });
    if (ok) deps.kickOutbox();
    return done(c, '/admin/rounds/objected', ok ? 'rejected_after_objection' : 'not_objected');
  });

  return app;
}
