/**
 * Where the bot is installed: Slack workspaces (and Enterprise Grid orgs) that used "Add to
 * Slack", and the Teams tenants it has heard from. Administrators may disable one (its events are
 * then refused and nothing is sent there) and enable it again; both are audited. An uninstalled
 * workspace has no token any more: only installing the app again brings it back.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AdminDeps } from '../deps';
import { listInstallations, type InstallationListRow } from '../../db/store/installation-status';
import { firstActiveSlackTeam } from '../../db/store/installations';
import { AppError } from '../../domain/errors';
import { setInstallation } from '../commands/installations';
import type { AdminEnv } from '../env';
import { readForm } from '../form';
import { done, render } from '../render';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';
import { DataTable } from '../views/table';

const STATUS: Record<InstallationListRow['status'], string> = {
  active: 'Active',
  disabled: 'Disabled by an administrator',
  uninstalled: 'Uninstalled',
};
const REASONS: Record<string, string> = {
  app_uninstalled: 'the workspace removed the app',
  tokens_revoked: 'the workspace revoked its tokens',
};
const PLATFORM: Record<InstallationListRow['platform'], string> = { slack: 'Slack', teams: 'Microsoft Teams' };

const changeSchema = z.object({ id: z.string().regex(/^(slack|teams):[A-Za-z0-9-]{1,64}$/), to: z.enum(['active', 'disabled']) });

/** Which workspace holds the review channel, in words an administrator can check. */
async function homeWorkspace(deps: AdminDeps): Promise<string> {
  const slack = deps.settings.slackSetup;
  if (slack.homeTeam) return `Slack workspace ${slack.homeTeam} (SLACK_HOME_TEAM)`;
  if (slack.botToken) return 'the Slack workspace of SLACK_BOT_TOKEN';
  const first = await firstActiveSlackTeam(deps.db);
  return first
    ? `Slack workspace ${first}, the first one installed (set SLACK_HOME_TEAM to choose)`
    : "none yet: install the app in the secretariat's workspace first";
}

async function page(c: Context<AdminEnv>, deps: AdminDeps) {
  const rows = await listInstallations(deps.db);
  const home = deps.settings.slackSetup.enabled ? await homeWorkspace(deps) : null;
  return render(
    c,
    deps,
    { title: 'Installations', current: 'installations' },
    <>
      <h1>Installations</h1>
      <p>
        Organisations that installed the bot in their own Slack workspace or Microsoft Teams tenant. Their people ask and apply from there;
        review cards always go to the review channel in the home workspace.
      </p>
      {home && (
        <p>
          Home workspace (review channel): <strong>{home}</strong>.
        </p>
      )}
      {deps.settings.slackSetup.installPage && (
        <p>
          Other workspaces install the app from <a href="/slack/install">the Add to Slack page</a>.
        </p>
      )}
      {rows.length === 0 ? (
        <p class="muted">No installations yet.</p>
      ) : (
        <DataTable
          caption="Installations"
          captionClass="visually-hidden"
          columns={['Platform', 'Workspace or tenant', 'Installed by', 'Installed', 'Status', 'Actions']}
        >
          {rows.map((r) => (
            <tr>
              <td data-label="Platform">{PLATFORM[r.platform]}</td>
              <td data-label="Workspace or tenant">
                {r.teamName ? <>{r.teamName} </> : null}
                <code>{r.teamId}</code>
              </td>
              <td data-label="Installed by">{r.installedBy ? <code>{r.installedBy}</code> : <span class="muted">unknown</span>}</td>
              <td data-label="Installed">{viennaTime(r.installedAt)}</td>
              <td data-label="Status">
                {STATUS[r.status]}
                {r.statusReason && REASONS[r.statusReason] ? ` (${REASONS[r.statusReason]}, ${viennaTime(r.updatedAt)})` : ''}
              </td>
              <td data-label="Actions">
                {r.status !== 'uninstalled' && (
                  <form method="post" action="/admin/installations/status">
                    <Csrf token={c.get('csrf')} />
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="to" value={r.status === 'active' ? 'disabled' : 'active'} />
                    <button type="submit" class="secondary">
                      {r.status === 'active' ? 'Disable' : 'Enable'}
                      <span class="visually-hidden"> {r.teamName || r.teamId}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>,
  );
}

export function installationRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => page(c, deps));
  app.post('/status', async (c) => {
    const parsed = changeSchema.safeParse(await readForm(c));
    if (!parsed.success)
      throw new AppError(
        'invalid',
        'installation_change_invalid',
        'That change could not be read. Open the Installations page and try again.',
      );
    const result = await setInstallation(deps, c.get('user'), parsed.data.id, parsed.data.to);
    if (result === 'not_found') throw new AppError('not_found', 'installation_not_found', 'There is no such installation.');
    if (result === 'uninstalled')
      throw new AppError(
        'conflict',
        'installation_uninstalled',
        'This workspace uninstalled the app; it comes back only when someone there installs it again.',
      );
    return done(c, '/admin/installations', 'saved');
  });
  return app;
}
