/**
 * Pages Teams shows in its frame: the personal "My application" tab and the configuration page
 * of the admin panel's channel tab. They load TeamsJS from this server (no CDN: the product must
 * work where only our own host is allowed) and use it for the theme and the context.
 */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { direction, localeFromAcceptLanguage, localeFromTag, t, type Locale } from '../../domain/i18n';
import { TEAMS_TAB_CSS, TEAMS_TAB_JS } from '../../generated/assets';
import { scriptJson } from '../web/form-script';

export type ScriptSource = () => Promise<string | null>;

/**
 * Teams (web, desktop, the Microsoft 365 app and Outlook, which host Teams apps too) must be allowed
 * to frame the pages, and nobody else: Microsoft's list in "Prerequisites for tabs" (tab-requirements),
 * old hosts kept while the clients move to *.cloud.microsoft.
 */
export const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com";

/**
 * Reads the UMD build of @microsoft/teams-js from node_modules on Node. Workers have no file
 * system: there the file is served as a static asset instead (docs/teams.md), and this is null.
 * process.getBuiltinModule keeps this module free of node: imports.
 */
export const nodeModulesTeamsJs: ScriptSource = async () => {
  type Proc = { getBuiltinModule?: (id: string) => unknown };
  const proc = (globalThis as { process?: Proc }).process;
  const mod = proc?.getBuiltinModule?.('module') as { createRequire(url: string): { resolve(id: string): string } } | undefined;
  const fs = proc?.getBuiltinModule?.('fs') as { promises: { readFile(path: string, enc: 'utf8'): Promise<string> } } | undefined;
  if (!mod || !fs) return null;
  try {
    return await fs.promises.readFile(mod.createRequire(import.meta.url).resolve('@microsoft/teams-js'), 'utf8');
  } catch {
    return null;
  }
};

export function tabRoutes(settings: { publicUrl?: string | undefined }, source: ScriptSource = nodeModulesTeamsJs): Hono {
  const app = new Hono();
  let script: Promise<string | null> | null = null;

  app.get('/teams/static/teams-js.js', async (c) => {
    script ??= source();
    const js = await script;
    if (js === null) {
      script = null;
      return c.text('TeamsJS is not available on this server', 404);
    }
    return c.body(js, 200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' });
  });

  app.get('/teams/tab/application', (c) => {
    c.header(
      'content-security-policy',
      `${FRAME_ANCESTORS}; default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'`,
    );
    // Teams fills {locale} in the tab's address; a browser opening it says its language itself.
    const l = localeFromTag(c.req.query('locale')) ?? localeFromAcceptLanguage(c.req.header('accept-language'));
    return c.html(page(t(l, 'tab.title'), applicationBody(l), applicationData(l), l));
  });

  // Configuration page of the channel tab: it only points the tab at the admin panel.
  // The address comes from PUBLIC_URL only: the Host header is the sender's to choose, and a page
  // that saves a tab pointing wherever Host says would let a forged request plant a phishing tab.
  app.get('/teams/tab/config', (c) => {
    const base = settings.publicUrl;
    if (!base) return c.text('The admin tab needs PUBLIC_URL, the public https address of this service.', 503);
    const admin = `${base.replace(/\/$/, '')}/admin`;
    c.header(
      'content-security-policy',
      `${FRAME_ANCESTORS}; default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'`,
    );
    return c.html(page('Dialogue Desk admin', CONFIG_BODY, { page: 'config', adminUrl: admin }));
  });
  return app;
}

// A mark no one types, standing for what the page fills in itself (the zone, the name), so that
// each sentence stays one message in the catalogue.
const SLOT = '\u2063';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function applicationBody(l: Locale): string {
  const [before = '', after = ''] = t(l, 'tab.zones', { zone: SLOT }).split(SLOT);
  return `
<h1>${escapeHtml(t(l, 'tab.title'))}</h1>
<p id="hello">${escapeHtml(t(l, 'tab.welcome'))}</p>
<p>${escapeHtml(t(l, 'tab.intro'))}</p>
<p class="muted">${escapeHtml(before)}<span id="zone">${escapeHtml(t(l, 'tab.zoneUnknown'))}</span>${escapeHtml(after)}</p>
<section id="mine" aria-live="polite"></section>`;
}

/** What the page's script (assets/teams-tab.ts) needs: the greeting with a slot for the name. */
function applicationData(l: Locale) {
  return {
    page: 'application',
    welcome: t(l, 'tab.welcomeName', { name: SLOT }),
    slot: SLOT,
    locale: l,
    openChat: t(l, 'install.teams.openChat'),
  };
}

const CONFIG_BODY = `
<h1>Dialogue Desk admin</h1>
<p>This tab shows the Dialogue Desk admin panel to the members of this channel. Each person signs in to the panel with their own admin account.</p>`;

function page(title: string, body: string, data: object, l: Locale = 'en') {
  return html`<!doctype html>
<html lang="${l}" dir="${direction(l)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(TEAMS_TAB_CSS)}</style>
</head>
<body>
${raw(body)}
<script src="/teams/static/teams-js.js"></script>
<script type="application/json" id="tab">${raw(scriptJson(data))}</script>
<script>${raw(TEAMS_TAB_JS)}</script>
</body>
</html>`;
}
