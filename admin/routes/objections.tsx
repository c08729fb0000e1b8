/**
 * A State party's focal point, signed in: the open rounds, the organisations in each (organisation
 * facts only, never the representatives), and an objection with a reason — or its withdrawal —
 * until the round closes. Text comes from the `rounds` catalogue in the viewer's language.
 */
import { Hono, type Context } from 'hono';
import { object, withdrawObjection } from '../../db/store/objections';
import { getRound, listRounds, type Round } from '../../db/store/rounds';
import { objectionReasonSchema, ROUND_ZONE, roundAcceptsObjections } from '../../domain/approval';
import { countryName } from '../../domain/countries';
import { STAKEHOLDER_LABELS } from '../../domain/eligibility';
import { localeFromAcceptLanguage, t, type Locale, type MessageKey } from '../../domain/i18n';
import type { AdminDeps } from '../deps';
import type { AdminEnv, SessionUser } from '../env';
import { AppError } from '../../domain/errors';
import { readForm } from '../form';
import { listDialogues } from '../queries/catalog';
import { roundOrganisations } from '../queries/rounds';
import { render } from '../render';
import { Csrf } from '../views/layout';
import { dayTime, localTime, viewerZone } from '../views/zone';

/** The first language of the browser's list that the product speaks; English otherwise. */
export function pageLocale(c: Context): Locale {
  return localeFromAcceptLanguage(c.req.header('accept-language'));
}

const RESULTS = ['objected', 'withdrawn', 'closed', 'twice', 'not_in_round', 'none', 'reason'] as const;
type ResultCode = (typeof RESULTS)[number];
const RESULT_KEYS: Record<ResultCode, MessageKey> = {
  objected: 'rounds.fp.objected',
  withdrawn: 'rounds.fp.withdrawn',
  closed: 'rounds.fp.refused.closed',
  twice: 'rounds.fp.refused.twice',
  not_in_round: 'rounds.fp.refused.notInRound',
  none: 'rounds.fp.refused.noObjection',
  reason: 'rounds.fp.refused.reason',
};

/** The State party a focal point speaks for; the 'object' permission is a state_party user's only. */
function stateOf(user: SessionUser): string {
  if (!user.stateParty) throw new AppError('forbidden', 'no_state_party', 'Your account does not speak for a State party.');
  return user.stateParty;
}

export function objectionRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  // Checked here rather than by the generic guard so the refusal speaks the focal point's language.
  app.use('*', async (c, next) => {
    const user = c.get('user');
    if (user.role !== 'state_party' || !user.stateParty) {
      return render(
        c,
        deps,
        { title: t(pageLocale(c), 'rounds.fp.title'), notice: { text: t(pageLocale(c), 'rounds.fp.refused.role'), bad: true } },
        <h1>{t(pageLocale(c), 'rounds.fp.title')}</h1>,
        403,
      );
    }
    await next();
  });

  app.get('/', async (c) => {
    const locale = pageLocale(c);
    const tr = (key: MessageKey, values?: Record<string, string | number>) => t(locale, key, values);
    const state = stateOf(c.get('user'));
    const now = deps.clock.now();
    const zone = viewerZone(c);
    const [rounds, dialogues] = await Promise.all([listRounds(deps.db, 'open'), listDialogues(deps.db)]);
    const open = rounds.filter((r) => roundAcceptsObjections(r, now));
    const mine = await deps.db
      .selectFrom('objections')
      .selectAll()
      .where('state_party', '=', state)
      .where('withdrawn_at', 'is', null)
      .where('round_id', 'in', open.length ? open.map((r) => r.id) : [''])
      .execute();
    const code = c.req.query('result');
    const shown = RESULTS.find((r) => r === code) ?? null;
    const resultRound = shown ? await getRound(deps.db, c.req.query('round') ?? '') : null;
    const notice = shown
      ? {
          text: tr(RESULT_KEYS[shown], {
            state: countryName(state),
            when: resultRound ? localTime(resultRound.closesAt, ROUND_ZONE, locale) : '',
          }),
          bad: !['objected', 'withdrawn'].includes(shown),
        }
      : null;
    const sections = await Promise.all(
      open.map(async (r) => ({ round: r, orgs: (await roundOrganisations(deps.db, r.id)).filter((o) => o.outcome === null) })),
    );
    return render(
      c,
      deps,
      { title: tr('rounds.fp.title'), current: 'objections', notice },
      <div lang={locale}>
        <h1>{tr('rounds.fp.title')}</h1>
        <p>{tr('rounds.fp.intro', { state: countryName(state) })}</p>
        {sections.length === 0 && <p>{tr('rounds.fp.none')}</p>}
        {sections.map(({ round, orgs }) => (
          <section aria-labelledby={`round-${round.id}`}>
            <h2 id={`round-${round.id}`}>{dialogues.find((d) => d.id === round.dialogueId)?.name ?? round.dialogueId}</h2>
            <p data-local-time>
              {zone && zone !== ROUND_ZONE
                ? tr('rounds.fp.closesIn', {
                    vienna: dayTime(round.closesAt, ROUND_ZONE, locale),
                    local: localTime(round.closesAt, zone, locale),
                  })
                : tr('rounds.fp.closesVienna', { vienna: dayTime(round.closesAt, ROUND_ZONE, locale) })}
            </p>
            <div class="table-wrap">
              <table class="stack">
                <thead>
                  <tr>
                    {(['organisation', 'type', 'country', 'ecosoc', 'website', 'areas', 'relevance', 'objection'] as const).map((k) => (
                      <th scope="col">{tr(`rounds.fp.col.${k}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {orgs.map((o) => {
                    const objection = mine.find((m) => m.round_id === round.id && m.application_id === o.applicationId);
                    const base = `/admin/objections/${encodeURIComponent(round.id)}/${encodeURIComponent(o.applicationId)}`;
                    return (
                      <tr>
                        <td data-label={tr('rounds.fp.col.organisation')}>{o.name}</td>
                        <td data-label={tr('rounds.fp.col.type')}>{STAKEHOLDER_LABELS[o.stakeholderType] ?? o.stakeholderType}</td>
                        <td data-label={tr('rounds.fp.col.country')}>{countryName(o.country)}</td>
                        <td data-label={tr('rounds.fp.col.ecosoc')}>{tr(o.ecosoc ? 'rounds.fp.ecosoc.yes' : 'rounds.fp.ecosoc.no')}</td>
                        {/* Shown as text, never as a link: the address is what the applicant typed. */}
                        <td data-label={tr('rounds.fp.col.website')}>{o.website}</td>
                        <td data-label={tr('rounds.fp.col.areas')}>{o.areasOfWork}</td>
                        <td data-label={tr('rounds.fp.col.relevance')}>
                          {o.relevance}
                          {o.note ? (
                            <>
                              <br />
                              <em>{o.note}</em>
                            </>
                          ) : (
                            ''
                          )}
                        </td>
                        <td data-label={tr('rounds.fp.col.objection')}>
                          {objection ? (
                            <form method="post" action={`${base}/withdraw`}>
                              <Csrf token={c.get('csrf')} />
                              <p>
                                {tr('rounds.fp.yourObjection', {
                                  when: localTime(objection.created_at, zone ?? ROUND_ZONE, locale),
                                  reason: objection.reason,
                                })}
                              </p>
                              <button type="submit" class="secondary">
                                {tr('rounds.fp.withdraw')}
                              </button>
                            </form>
                          ) : (
                            <form method="post" action={`${base}/object`} novalidate>
                              <Csrf token={c.get('csrf')} />
                              <label for={`f-reason-${round.id}-${o.applicationId}`}>
                                {tr('rounds.fp.reasonLabel', { organisation: o.name })}
                              </label>
                              <textarea id={`f-reason-${round.id}-${o.applicationId}`} name="reason" rows={2} maxlength={2000}></textarea>
                              <button type="submit" class="danger">
                                {tr('rounds.fp.object')}
                              </button>
                            </form>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>,
    );
  });

  const back = (c: Context<AdminEnv>, round: Round | null, code: ResultCode) =>
    c.redirect(`/admin/objections?result=${code}${round ? `&round=${encodeURIComponent(round.id)}` : ''}`, 303);

  app.post('/:round/:application/object', async (c) => {
    const round = await getRound(deps.db, c.req.param('round'));
    if (!round) return back(c, null, 'not_in_round');
    const raw = await readForm(c);
    // The domain's rule (length and characters only): the reason is shown as text to the secretariat.
    const parsed = objectionReasonSchema.safeParse(typeof raw.reason === 'string' ? raw.reason : '');
    if (!parsed.success) return back(c, round, 'reason');
    const reason = parsed.data;
    const user = c.get('user');
    const result = await object(deps.db, deps.atomic, {
      roundId: round.id,
      applicationId: c.req.param('application'),
      dialogueId: round.dialogueId,
      state: stateOf(user),
      userId: user.id,
      reason,
      now: deps.clock.now().toISOString(),
    });
    deps.log.info('objection', { roundId: round.id, result: result.ok ? 'recorded' : result.code });
    return back(c, round, result.ok ? 'objected' : result.code);
  });

  app.post('/:round/:application/withdraw', async (c) => {
    const round = await getRound(deps.db, c.req.param('round'));
    if (!round) return back(c, null, 'none');
    const user = c.get('user');
    const result = await withdrawObjection(deps.db, deps.atomic, {
      roundId: round.id,
      applicationId: c.req.param('application'),
      dialogueId: round.dialogueId,
      state: stateOf(user),
      userId: user.id,
      now: deps.clock.now().toISOString(),
    });
    return back(c, round, result.ok ? 'withdrawn' : result.code);
  });

  return app;
}
