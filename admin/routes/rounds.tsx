/**
 * Non-objection rounds, for the secretariat: send recommended applications to the approval body
 * with a closing time, follow each round (and the objections, which only the secretariat sees),
 * cancel a round with a reason, and deal with what came back objected: reject it, or send it
 * again in a new round with a note.
 */
import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import { objectionsOf } from '../../db/store/objections';
import { getRound, listRounds } from '../../db/store/rounds';
import { approvalBodyOf, cancelReasonSchema, defaultRoundClose, ROUND_ZONE } from '../../domain/approval';
import { cancelApprovalRound, rejectAfterObjection, sendApprovalRound } from '../commands/rounds';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { check, readForm, type RawForm } from '../form';
import { listCalls, listDialogues } from '../queries/catalog';
import { candidates, roundOrganisations, waitingForRound } from '../queries/rounds';
import { done, render } from '../render';
import { roundItems, sendRoundSchema } from '../validators/rounds';
import type { Errors } from '../views/fields';
import { toLocalInput } from '../views/format';
import { RoundDetail } from '../views/round-detail';
import { NewRoundForm } from '../views/round-form';
import { roundNotices, RoundsOverview } from '../views/rounds';
import { viewerZone } from '../views/zone';

const REFUSED = {
  empty: 'Choose at least one application.',
  closes_in_past: 'The closing time must be in the future.',
  not_recommended: 'Some chosen applications are not recommended (any more); the list below is current.',
  in_live_round: 'Some chosen applications are already in an open round: an application can be in one round at a time.',
  note_required: 'Applications objected in an earlier round need a note for the States parties.',
} as const;

export function roundRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/', async (c) => {
    const [rounds, calls, dialogues] = await Promise.all([listRounds(deps.db), listCalls(deps.db), listDialogues(deps.db)]);
    const ready = await waitingForRound(deps.db, calls);
    const names = new Map(dialogues.map((d) => [d.id, d.short_name]));
    return render(
      c,
      deps,
      { title: 'Approval rounds', current: 'rounds', notice: roundNotices(c) },
      <RoundsOverview ready={ready} rounds={rounds} names={names} zone={viewerZone(c)} />,
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
      <NewRoundForm
        callId={callId}
        dialogueId={dialogueId}
        dialogueName={dialogue?.name ?? dialogueId}
        body={approvalBodyOf({ approvalBody: call.approval_body })}
        list={list}
        chosen={chosen}
        closes={closes}
        values={values}
        errors={errors}
        csrf={c.get('csrf')}
      />,
      status,
    );
  };

  app.get('/new', (c) => newForm(c, c.req.query('call') ?? '', c.req.query('dialogue') ?? '', {}, {}));

  app.post('/new', async (c) => {
    const raw = await readForm(c);
    const parsed = check(sendRoundSchema, raw);
    const callId = String(raw.call_id ?? '');
    const dialogueId = String(raw.dialogue_id ?? '');
    if (!parsed.ok) return newForm(c, callId, dialogueId, raw, parsed.errors, 400);
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
    const closesAt = DateTime.fromISO(v.closes_local, { zone: ROUND_ZONE }).toUTC().toISO();
    if (!closesAt) return newForm(c, callId, dialogueId, raw, { closes_local: 'Enter a real date and time' }, 400);
    const { items, errors } = roundItems(v.application_ids, raw);
    if (Object.keys(errors).length) return newForm(c, callId, dialogueId, raw, errors, 400);
    const result = await sendApprovalRound(deps, c.get('user'), {
      callId: v.call_id,
      dialogueId: v.dialogue_id,
      body,
      closesAt,
      zone: ROUND_ZONE,
      items,
    });
    if (!result.ok) {
      const field = result.code === 'closes_in_past' ? 'closes_local' : 'application_ids';
      const more: Errors =
        result.code === 'note_required'
          ? Object.fromEntries(result.applicationIds.map((id) => [`note_${id}`, 'Write a note to send this application again.']))
          : {};
      return newForm(c, callId, dialogueId, raw, { [field]: REFUSED[result.code], ...more }, 409);
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
    return render(
      c,
      deps,
      { title: 'Approval round', current: 'rounds', notice: roundNotices(c) },
      <RoundDetail
        round={round}
        dialogueName={dialogues.find((d) => d.id === round.dialogueId)?.name ?? round.dialogueId}
        orgs={orgs}
        objections={objections}
        who={new Map(users.map((u) => [u.id, `${u.display_name} <${u.email}>`]))}
        zone={viewerZone(c)}
        csrf={c.get('csrf')}
      />,
    );
  });

  app.post('/:id/cancel', async (c) => {
    const raw = await readForm(c);
    const reason = cancelReasonSchema.safeParse(raw.reason);
    const back = `/admin/rounds/${encodeURIComponent(c.req.param('id'))}`;
    if (!reason.success) return done(c, back, 'round_cancel_reason');
    const ok = await cancelApprovalRound(deps, c.get('user'), c.req.param('id'), reason.data);
    return done(c, back, ok ? 'round_cancelled' : 'round_not_open');
  });

  app.post('/objected/:application/:dialogue/reject', async (c) => {
    const raw = await readForm(c);
    const reason = cancelReasonSchema.safeParse(raw.reason);
    if (!reason.success) return done(c, '/admin/rounds/objected', 'reject_reason');
    const application = await deps.store.get(c.req.param('application'));
    if (!application) return c.notFound();
    const ok = await rejectAfterObjection(deps, c.get('user'), application, c.req.param('dialogue'), reason.data);
    if (ok) deps.kickOutbox();
    return done(c, '/admin/rounds/objected', ok ? 'rejected_after_objection' : 'not_objected');
  });

  return app;
}
