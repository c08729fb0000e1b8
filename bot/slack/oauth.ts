/**
 * "Add to Slack" (OAuth v2): `GET /slack/install` shows the button with a fresh single-use
 * state; `GET /slack/oauth_redirect` checks that state, exchanges the code at `oauth.v2.access`
 * and keeps the workspace's bot token (encrypted, by the port). Refusals change nothing and are
 * logged by reason, never with the code, the state or a token.
 *
 * The exchange is one `fetch`, the same on Node and on Workers, rather than Bolt's installer on
 * Node: Bolt's OAuth needs Node's http module and cannot run on Workers, and two code paths for
 * the one request would let the runtimes drift apart in what they check and store.
 */
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import * as z from 'zod';
import { installedPage, installPage, outcomePage } from './install-page';
import { localeFromAcceptLanguage } from '../../domain/i18n';
import { createOauthStates, type OauthStatePort } from './oauth-state';
import type { SlackInstallation } from '../../domain/channel-ports';

export interface SlackInstallSettings {
  clientId: string;
  clientSecret: string;
  /** Web API base ending in "/" (SLACK_API_URL); the authorize page is `../oauth/v2/authorize` from it. */
  apiUrl: string;
  /** PUBLIC_URL: Slack sends people back to `${publicUrl}/slack/oauth_redirect`. */
  publicUrl: string;
  /** Bot scopes to ask for (the app manifest's). */
  scopes: string[];
}

export interface SlackInstallPorts {
  states: OauthStatePort;
  save(installation: SlackInstallation): Promise<void>;
}

export interface SlackInstallLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

const COOKIE = 'slack_install_state';
const id = z.string().regex(/^[A-Z0-9]{2,40}$/);

const redirectQuery = z.object({ code: z.string().min(1).max(500), state: z.string().min(1).max(2000) });

/** The fields of oauth.v2.access's answer that are kept; anything else is ignored. */
const accessSchema = z.object({
  ok: z.literal(true),
  access_token: z.string().startsWith('xoxb-').max(500),
  token_type: z.literal('bot'),
  scope: z.string().max(2000).default(''),
  bot_user_id: id,
  app_id: id,
  team: z
    .object({ id, name: z.string().max(200).default('') })
    .nullable()
    .optional(),
  enterprise: z
    .object({ id, name: z.string().max(200).default('') })
    .nullable()
    .optional(),
  is_enterprise_install: z.boolean().default(false),
  authed_user: z.object({ id }).optional(),
});

export function slackInstallRoutes(
  settings: SlackInstallSettings,
  ports: SlackInstallPorts,
  log: SlackInstallLog,
  opts: { fetch?: typeof fetch; now?: () => number } = {},
): Hono {
  const app = new Hono();
  const states = createOauthStates(settings.clientSecret, ports.states, opts.now);
  const doFetch = opts.fetch ?? fetch;
  const redirectUri = new URL('/slack/oauth_redirect', settings.publicUrl).toString();
  const secure = settings.publicUrl.startsWith('https:');

  app.get('/slack/install', async (c) => {
    const locale = localeFromAcceptLanguage(c.req.header('accept-language'));
    const { state, maxAgeSeconds } = await states.issue();
    const authorize = new URL('../oauth/v2/authorize', settings.apiUrl);
    authorize.search = new URLSearchParams({
      client_id: settings.clientId,
      scope: settings.scopes.join(','),
      redirect_uri: redirectUri,
      state,
    }).toString();
    // Lax: the redirect back from Slack is a top-level navigation, which carries Lax cookies.
    setCookie(c, COOKIE, state, { httpOnly: true, sameSite: 'Lax', secure, path: '/slack/oauth_redirect', maxAge: maxAgeSeconds });
    c.header('Cache-Control', 'no-store');
    return c.html(installPage(locale, authorize.toString(), settings.scopes));
  });

  app.get('/slack/oauth_redirect', async (c) => {
    const locale = localeFromAcceptLanguage(c.req.header('accept-language'));
    c.header('Cache-Control', 'no-store');
    deleteCookie(c, COOKIE, { path: '/slack/oauth_redirect', secure });
    // The person pressed Cancel on Slack's page (error=access_denied): not a failure of ours.
    if (c.req.query('error')) {
      log.info('slack.install_cancelled', { error: c.req.query('error')?.slice(0, 50) });
      return c.html(outcomePage(locale, 'cancelled'), 400);
    }
    const query = redirectQuery.safeParse({ code: c.req.query('code'), state: c.req.query('state') });
    if (!query.success) {
      log.warn('slack.install_refused', { reason: 'missing_code_or_state' });
      return c.html(outcomePage(locale, 'badState'), 400);
    }
    const checked = await states.check(query.data.state, getCookie(c, COOKIE));
    if (!checked.ok) {
      log.warn('slack.install_refused', { reason: checked.reason });
      return c.html(outcomePage(locale, 'badState'), 400);
    }

    const installation = await exchange(query.data.code);
    if (!installation.ok) {
      log.warn('slack.install_failed', { reason: installation.reason });
      return c.html(outcomePage(locale, 'failed'), 502);
    }
    await ports.save(installation.value);
    log.info('slack.installed', {
      team: installation.value.teamId,
      enterprise: installation.value.enterpriseId,
      orgWide: installation.value.isEnterpriseInstall,
    });
    return c.html(installedPage(locale, installation.value.teamName || installation.value.teamId));
  });

  /** oauth.v2.access, with the client credentials in Basic auth as Slack prefers. */
  async function exchange(code: string): Promise<{ ok: true; value: SlackInstallation } | { ok: false; reason: string }> {
    let res: Response;
    try {
      res = await doFetch(new URL('oauth.v2.access', settings.apiUrl), {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${settings.clientId}:${settings.clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ code, redirect_uri: redirectUri }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return { ok: false, reason: 'network_error' };
    }
    if (!res.ok) return { ok: false, reason: `http_${res.status}` };
    const body: unknown = await res.json().catch(() => null);
    const error = body as { ok?: unknown; error?: unknown } | null;
    if (error?.ok === false) return { ok: false, reason: typeof error.error === 'string' ? error.error.slice(0, 60) : 'unknown_error' };
    const parsed = accessSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: 'unexpected_response' };
    const a = parsed.data;
    const teamId = a.is_enterprise_install ? a.enterprise?.id : a.team?.id;
    if (!teamId) return { ok: false, reason: 'no_team' };
    return {
      ok: true,
      value: {
        teamId: a.team?.id ?? teamId,
        teamName: (a.is_enterprise_install ? a.enterprise?.name : a.team?.name) ?? '',
        enterpriseId: a.enterprise?.id ?? null,
        isEnterpriseInstall: a.is_enterprise_install,
        botUserId: a.bot_user_id,
        appId: a.app_id,
        scopes: a.scope,
        token: a.access_token,
        installedBy: a.authed_user?.id ?? '',
      },
    };
  }

  return app;
}
