/**
 * Which bot token speaks for which workspace. With SLACK_BOT_TOKEN alone there is one workspace
 * and one token, as always. With "Add to Slack" each installed workspace (or Enterprise Grid org)
 * has its own token, kept by the installations port; the secretariat's "home" workspace (the
 * review channel's) is SLACK_HOME_TEAM, else SLACK_BOT_TOKEN's, else the first one installed.
 * A workspace that is not installed, was disabled by an administrator or removed the app gets no
 * token at all: its events are refused and nothing is sent there.
 */

/** What the installations store answers for a workspace (implemented in db/). */
export type InstalledToken =
  | { kind: 'token'; token: string }
  | { kind: 'refused'; status: 'disabled' | 'uninstalled' | 'active' }
  | { kind: 'none' };

export interface SlackInstallationsPort {
  lookup(teamId: string | null, enterpriseId: string | null): Promise<InstalledToken>;
  /** The workspace installed first that is still active. */
  firstActiveTeam(): Promise<string | null>;
  /** `app_uninstalled` / `tokens_revoked`: forget the token, fail what was queued for the workspace. */
  removed(teamId: string, enterpriseId: string | null, reason: 'app_uninstalled' | 'tokens_revoked'): Promise<number>;
}

export type TokenAnswer = { ok: true; token: string } | { ok: false; reason: 'not_installed' | 'disabled' | 'uninstalled' };

export interface WorkspaceTokens {
  /** The token for workspace `teamId` (of org `enterpriseId`); no team at all means the home workspace. */
  tokenFor(teamId?: string | null, enterpriseId?: string | null): Promise<TokenAnswer>;
  /** Whether tokens differ per workspace (an installations port is set). */
  readonly multi: boolean;
}

export interface WorkspaceSettings {
  botToken: string;
  homeTeam?: string;
  installations?: SlackInstallationsPort;
  /** The workspace SLACK_BOT_TOKEN belongs to (auth.test), asked once when it matters. */
  botTokenTeam?: () => Promise<string | null>;
}

export function createWorkspaceTokens(s: WorkspaceSettings): WorkspaceTokens {
  const port = s.installations;
  let botTeam: Promise<string | null> | null = null;
  const botTokenTeam = () =>
    (botTeam ??= (s.botTokenTeam?.() ?? Promise.resolve(null)).catch(() => {
      botTeam = null;
      return null;
    }));

  const refused = (status: 'disabled' | 'uninstalled' | 'active'): TokenAnswer => ({
    ok: false,
    reason: status === 'disabled' ? 'disabled' : 'uninstalled',
  });
  const fixed = (): TokenAnswer => (s.botToken ? { ok: true, token: s.botToken } : { ok: false, reason: 'not_installed' });

  async function home(): Promise<TokenAnswer> {
    if (!port) return fixed();
    if (s.homeTeam) {
      const found = await port.lookup(s.homeTeam, s.homeTeam.startsWith('E') ? s.homeTeam : null);
      if (found.kind === 'token') return { ok: true, token: found.token };
      if (found.kind === 'refused') return refused(found.status);
      return fixed();
    }
    if (s.botToken) return fixed();
    const first = await port.firstActiveTeam();
    if (!first) return { ok: false, reason: 'not_installed' };
    const found = await port.lookup(first, first.startsWith('E') ? first : null);
    return found.kind === 'token' ? { ok: true, token: found.token } : { ok: false, reason: 'not_installed' };
  }

  /** An uninstalled-from-the-table workspace is SLACK_BOT_TOKEN's own only if it is that token's team. */
  async function isBotTokenTeam(teamId: string | null, enterpriseId: string | null): Promise<boolean> {
    const known = s.homeTeam ?? (await botTokenTeam());
    // auth.test unavailable: the one token there is stays usable, as in a single-workspace set-up.
    if (!known) return true;
    return known === teamId || known === enterpriseId;
  }

  return {
    multi: Boolean(port),
    async tokenFor(teamId, enterpriseId) {
      if (!port) return fixed();
      if (!teamId && !enterpriseId) return home();
      const found = await port.lookup(teamId ?? null, enterpriseId ?? null);
      if (found.kind === 'token') return { ok: true, token: found.token };
      if (found.kind === 'refused') return refused(found.status);
      if (s.botToken && (await isBotTokenTeam(teamId ?? null, enterpriseId ?? null))) return fixed();
      return { ok: false, reason: 'not_installed' };
    },
  };
}
