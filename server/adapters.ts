/**
 * Where the root turns into what each adapter declared it needs: the core's AdapterHost, each
 * adapter's own settings (only its part of the configuration) and the storage ports it uses,
 * implemented in db/. Node, Workers and the tests build adapters through these.
 */
import type { Hono } from 'hono';
import { channelPorts } from '../db/channels';
import { slackInstallations } from '../db/channels/slack-installations';
import { admitTeamsTenant, personIdOf } from '../db/store/installations';
import { isoNow } from '../domain/clock';
import { installationCipher } from './slack-install';
import type { PlatformAdapter } from '../bot/core/adapter';
import type { AdapterHost } from '../bot/core/host';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../bot/slack';
import type { SlackSettings } from '../bot/slack/settings';
import { createTeamsAdapter, type TeamsAdapterOptions } from '../bot/teams';
import type { TeamsSettings } from '../bot/teams/settings';
import { createEmailAdapter, type EmailSettings } from '../bot/email';
import type { MailTransport } from '../bot/email/transport';
import { createPlaygroundAdapter } from '../bot/playground';
import { createWebApp } from '../bot/web';
import { createPrivacyNotice } from '../bot/web/notice';
import { DRAFT_DAYS_AFTER_CLOSE, retentionPlan } from '../db/store/retention-plan';
import type { WebSettings } from '../bot/web/settings';
import type { Config } from './config';
import type { AppRoot } from './root';

/** What every adapter may use, from the root. */
export function adapterHost(root: AppRoot): AdapterHost {
  const ports = channelPorts(root.db, root.atomic, root.clock);
  return {
    engine: root.engine,
    store: root.store,
    clock: root.clock,
    log: root.log,
    metrics: root.metrics,
    background: root.background,
    deliveries: ports.deliveries,
    reviewerLists: ports.reviewerLists,
  };
}

export function slackSettings(config: Config): SlackSettings {
  return {
    botToken: config.SLACK_BOT_TOKEN ?? '',
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    apiUrl: config.SLACK_API_URL,
    reviewers: config.slackReviewers,
    ...(config.SLACK_HOME_TEAM ? { homeTeam: config.SLACK_HOME_TEAM } : {}),
  };
}

export function teamsSettings(config: Config): TeamsSettings {
  return {
    ...(config.TEAMS_APP_ID ? { appId: config.TEAMS_APP_ID } : {}),
    ...(config.TEAMS_APP_PASSWORD ? { appPassword: config.TEAMS_APP_PASSWORD } : {}),
    ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
    allowedTenants: config.teamsAllowedTenants,
    ...(config.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL } : {}),
    tokenUrl: config.TEAMS_TOKEN_URL,
    serviceUrl: config.TEAMS_SERVICE_URL,
    reviewers: config.teamsReviewers,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    runtime: { NODE_ENV: config.NODE_ENV, HOST: config.HOST },
    ...(config.TEAMS_SSO_JWKS_URL ? { ssoJwksUrl: config.TEAMS_SSO_JWKS_URL } : {}),
  };
}

export function emailSettings(config: Config): EmailSettings {
  const base = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  return {
    ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
    ...(config.MAIL_FROM ? { from: config.MAIL_FROM } : {}),
    baseUrl: base,
    production: config.NODE_ENV === 'production',
  };
}

export function webSettings(config: Config): WebSettings {
  return {
    enabled: config.WEB_APPLY,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(config.SESSION_SECRET ? { sessionSecret: config.SESSION_SECRET } : {}),
    trustProxy: config.TRUST_PROXY,
  };
}

export function slackAdapter(root: AppRoot, opts: SlackAdapterOptions = {}): SlackAdapter {
  // With "Add to Slack", each installed workspace's token comes from the installations table.
  const cipher = root.config.slackOAuth ? installationCipher(root.config) : null;
  const installations = cipher ? { installations: slackInstallations(root.db, root.atomic, cipher, root.clock) } : {};
  return createSlackAdapter(adapterHost(root), slackSettings(root.config), {
    ...installations,
    ...opts,
    waits: { ...root.waits?.slack, ...opts.waits },
  });
}

/** The tab's "my application": the person behind a Teams identity (never created here) and their applications. */
function myApplications(root: AppRoot) {
  return {
    async of(tenantId: string, objectId: string) {
      const personId = await personIdOf(root.db, 'teams', tenantId, objectId);
      if (!personId) return [];
      const [apps, dialogues] = await Promise.all([root.store.listForPerson(personId), root.store.listDialogues()]);
      const names = new Map(dialogues.map((d) => [d.id, d.shortName]));
      return apps
        .filter((a) => a.reference)
        .map((a) => ({
          reference: a.reference,
          status: a.status,
          dialogues: a.dialogues.map((d) => ({ name: names.get(d.dialogueId) ?? d.dialogueId, status: d.status })),
        }));
    },
  };
}

export function teamsAdapter(root: AppRoot, opts: TeamsAdapterOptions = {}): PlatformAdapter {
  const ports = channelPorts(root.db, root.atomic, root.clock);
  return createTeamsAdapter(
    adapterHost(root),
    teamsSettings(root.config),
    {
      conversations: ports.teamsConversations,
      reviewCards: ports.reviewCards,
      tenants: { admit: (tenant) => admitTeamsTenant(root.db, tenant, isoNow(root.clock)) },
      myApplications: myApplications(root),
    },
    opts,
  );
}

export function emailAdapter(root: AppRoot, smtp: (url: string) => MailTransport): PlatformAdapter {
  return createEmailAdapter(root, emailSettings(root.config), smtp);
}

export function playgroundAdapter(root: AppRoot): PlatformAdapter {
  const ports = channelPorts(root.db, root.atomic, root.clock);
  return createPlaygroundAdapter(
    adapterHost(root),
    root.config.PUBLIC_URL ? { publicUrl: root.config.PUBLIC_URL } : {},
    ports.playgroundFeed,
  );
}

export function webApp(root: AppRoot): Hono {
  const ports = channelPorts(root.db, root.atomic, root.clock);
  return createWebApp({
    ...adapterHost(root),
    settings: webSettings(root.config),
    codes: ports.signInCodes,
    sessions: ports.applicantSessions,
    deliverSoon: root.kickOutbox,
  });
}

/** The public privacy notice: the Store, and the retention plan the retention job follows. */
export function privacyNoticeApp(root: AppRoot): Hono {
  const { config } = root;
  return createPrivacyNotice({
    store: root.store,
    clock: root.clock,
    retention: { plan: () => retentionPlan(root.db), draftDaysAfterClose: DRAFT_DAYS_AFTER_CLOSE },
    surfaces: { slack: config.slackEnabled, teams: config.teamsEnabled, web: config.WEB_APPLY },
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  });
}
