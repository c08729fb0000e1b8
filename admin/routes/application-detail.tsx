/**
 * One application: every answer, its history, the decisions and the messages sent about it, and
 * a decision form that goes through the same engine as the chat cards.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors';
import type { DecideResult } from '../../domain/ports';
import { can } from '../auth/roles';
import { decideApplication } from '../commands/decisions';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { applicationDetail, type ApplicationDetail } from '../queries/detail';
import { render } from '../render';
import { decisionSchema } from '../validators';
import { ApplicationPage, applicationTitle } from '../views/application-detail';
import type { Errors, Values } from '../views/fields';

function page(
  c: Context<AdminEnv>,
  deps: AdminDeps,
  d: ApplicationDetail,
  values: Values,
  errors: Errors,
  status: 200 | 400 | 409 = 200,
  notice?: { text: string; bad?: boolean },
) {
  return render(
    c,
    deps,
    { title: `Application ${applicationTitle(d)}`, current: 'applications', notice },
    <ApplicationPage d={d} canDecide={can(c.get('user').role, 'decide')} values={values} errors={errors} csrf={c.get('csrf')} />,
    status,
  );
}

const REFUSALS: Record<string, string> = {
  already_decided: 'This dialogue was already decided for this round; the first decision stands.',
  not_pending: 'This dialogue is not waiting for a decision any more.',
  not_found: 'The application or dialogue could not be found.',
};

export function applicationDetailRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/:id', async (c) => {
    const d = await applicationDetail(deps.db, c.req.param('id'));
    if (!d) return c.notFound();
    return page(c, deps, d, {}, {});
  });

  app.post('/:id/decide', async (c) => {
    const user = c.get('user');
    if (!can(user.role, 'decide')) return c.text('Your role may not decide.', 403);
    const d = await applicationDetail(deps.db, c.req.param('id'));
    if (!d) return c.notFound();
    const raw = await readForm(c);
    const parsed = check(decisionSchema, raw);
    if (!parsed.ok) return page(c, deps, d, raw, parsed.errors, 400);
    const { dialogue_id, outcome, reason } = parsed.data;
    let result: DecideResult;
    try {
      result = await decideApplication(deps, user, { applicationId: d.app.id, dialogueId: dialogue_id, outcome, reason });
    } catch (err) {
      // A rule the form did not catch: the sentence goes under the field, never a 5xx.
      if (err instanceof AppError && err.kind === 'invalid') return page(c, deps, d, raw, { reason: err.message }, 400);
      throw err;
    }
    if (!result.ok) {
      const fresh = (await applicationDetail(deps.db, d.app.id)) ?? d;
      return page(c, deps, fresh, raw, {}, 409, { text: REFUSALS[result.reason] ?? 'The decision was refused.', bad: true });
    }
    deps.kickOutbox();
    return c.redirect(`/admin/applications/${encodeURIComponent(d.app.id)}?notice=decided`, 303);
  });
  return app;
}
