/**
 * Configuration, read once from the environment and checked with zod, so that a bad value stops
 * the start with one message naming every bad variable rather than failing later at random.
 */
import { LOCALES } from '../domain/i18n/locales';
import * as z from 'zod';
import { isLoopbackHost } from '../bot/teams/dev-playground';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (fallback?: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional())
    .transform((v) => v ?? fallback);

/** A base URL always ends in "/" so that relative method paths join cleanly. */
const baseUrl = (fallback: string) =>
  url(fallback).transform((v) => {
    const base = v ?? fallback;
    return base.endsWith('/') ? base : `${base}/`;
  });

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: url(),
    TRUST_PROXY: z
      .string()
      .optional()
      .refine((v) => !v?.trim() || parseBool(v) !== undefined, 'must be true or false'),
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:data/dialogue-desk.sqlite')
      .refine((v) => v.startsWith('file:'), 'must look like file:PATH (SQLite)'),
    DIALOGUES_CLOCK: optionalText.pipe(
      z.iso.datetime({ offset: true, message: 'must be an ISO instant like 2023-01-20T09:00:00Z' }).optional(),
    ),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    PLAYGROUND: z
      .string()
      .optional()
      .refine((v) => !v?.trim() || parseBool(v) !== undefined, 'must be true or false'),
    ADMIN_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    // scrypt's work factor for admin passwords, as log2 N: each step doubles the time and memory.
    PASSWORD_HASH_COST: z.coerce.number().int().min(10, 'must be 10 to 20').max(20, 'must be 10 to 20').default(15),
    SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
    SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_API_URL: baseUrl('https://slack.com/api/'),
    SLACK_ANSWER_THREAD: z
      .string()
      .optional()
      .refine((v) => !v?.trim() || parseBool(v) !== undefined, 'must be true or false'),
    SLACK_REVIEW_CHANNEL: optionalText,
    SLACK_REVIEWERS: optionalText,
    // "Add to Slack" for other workspaces (docs/slack.md): the app's OAuth credentials, the key
    // that encrypts their bot tokens at rest (SESSION_SECRET when unset), and the workspace the
    // review channel is in when it is not SLACK_BOT_TOKEN's.
    SLACK_CLIENT_ID: optionalText.pipe(
      z
        .string()
        .regex(/^\d+\.\d+$/, 'must look like 1234567890.1234567890 (Basic Information → App Credentials)')
        .optional(),
    ),
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_TOKEN_KEY: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    // The key tokens were sealed with before SLACK_TOKEN_KEY changed: still opens them until the
    // scheduled job has sealed them all again with the new key.
    SLACK_TOKEN_KEY_PREVIOUS: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    SLACK_HOME_TEAM: optionalText.pipe(
      z
        .string()
        .regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack workspace id (T…) or org id (E…)')
        .optional(),
    ),
    TEAMS_APP_ID: optionalText,
    TEAMS_APP_PASSWORD: optionalText,
    TEAMS_TENANT_ID: optionalText,
    // Tenants whose Teams may talk to the bot: a comma-separated list, "*" for any tenant.
    TEAMS_ALLOWED_TENANTS: optionalText,
    // Entra's signing keys for the "My application" tab's single sign-on; tests point it elsewhere.
    TEAMS_SSO_JWKS_URL: url('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    TEAMS_OPENID_METADATA_URL: url('https://login.botframework.com/v1/.well-known/openidconfiguration'),
    TEAMS_TOKEN_URL: url(),
    TEAMS_SERVICE_URL: baseUrl('https://smba.trafficmanager.net/teams/'),
    TEAMS_REVIEW_CONVERSATION: optionalText,
    TEAMS_REVIEWERS: optionalText,
    TEAMS_DEV_PLAYGROUND: z
      .string()
      .optional()
      .refine((v) => !v?.trim() || parseBool(v) !== undefined, 'must be true or false'),
    SMTP_URL: optionalText.pipe(
      z.url({ protocol: /^smtps?$/, message: 'must look like smtp://user:password@host:587 or smtps://user:password@host:465' }).optional(),
    ),
    MAIL_FROM: optionalText.pipe(
      z
        .string()
        .max(300)
        .regex(/^[^\r\n]*<?[^\s<>@]+@[^\s<>@]+\.?[^\s<>@]*>?$/, 'must be an address, e.g. Dialogue Desk <dialogues@example.org>')
        .optional(),
    ),
    WEB_APPLY: z
      .string()
      .optional()
      .refine((v) => !v?.trim() || parseBool(v) !== undefined, 'must be true or false'),
    METRICS_TOKEN: optionalText.pipe(z.string().min(24, 'must be at least 24 characters').optional()),
    BACKUP_DIR: optionalText,
    BACKUP_EVERY_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
    // Language of reviewer cards and reviewers' replies where a channel has none of its own.
    REVIEW_LOCALE: optionalText.pipe(z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }).optional()),
  })
  .superRefine((c, ctx) => {
    if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN (or use SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if ((c.SLACK_CLIENT_ID === undefined) !== (c.SLACK_CLIENT_SECRET === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_CLIENT_SECRET'], message: 'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together' });
    }
    if (c.SLACK_CLIENT_ID && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_CLIENT_ID (installed workspaces send their events to /slack/events)',
      });
    }
    if (c.SLACK_CLIENT_ID && !c.SLACK_TOKEN_KEY && !c.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_TOKEN_KEY'],
        message: "is required with SLACK_CLIENT_ID (or set SESSION_SECRET): it encrypts the installed workspaces' tokens",
      });
    }
    if (c.SLACK_CLIENT_ID && !c.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'is required with SLACK_CLIENT_ID (Slack sends people back to PUBLIC_URL/slack/oauth_redirect)',
      });
    }
    if (c.SMTP_URL && !c.MAIL_FROM) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required with SMTP_URL (the sender address of every email)' });
    }
    if (c.TEAMS_APP_ID && !c.TEAMS_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['TEAMS_APP_PASSWORD'], message: 'is required with TEAMS_APP_ID' });
    }
    // Teams activities without a token: only for the Agents Playground on a developer's machine.
    if (parseBool(c.TEAMS_DEV_PLAYGROUND)) {
      const refuse = (message: string) => ctx.addIssue({ code: 'custom', path: ['TEAMS_DEV_PLAYGROUND'], message });
      if (c.NODE_ENV !== 'development') refuse('accepts unauthenticated Teams activities, so it runs only with NODE_ENV=development');
      if (!isLoopbackHost(c.HOST))
        refuse('accepts unauthenticated Teams activities, so it runs only when HOST is a loopback address (127.0.0.1, ::1, localhost)');
      if (c.TEAMS_APP_ID || c.TEAMS_APP_PASSWORD)
        refuse('is for the Agents Playground, not a registered bot: unset TEAMS_APP_ID and TEAMS_APP_PASSWORD');
    }
  })
  .transform((c) => {
    const slackOAuth = Boolean(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_SIGNING_SECRET);
    const slackEnabled = Boolean((c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) || slackOAuth);
    const teamsEnabled = Boolean(c.TEAMS_APP_ID && c.TEAMS_APP_PASSWORD);
    return {
      ...c,
      // The playground lets anyone act as anyone, reviewer included. Next to a real platform, or in
      // production, that is an anonymous back door, so there it is on only when asked for by name
      // (NODE_ENV is unset in most container set-ups, so it cannot be the only guard).
      PLAYGROUND: parseBool(c.PLAYGROUND) ?? (c.NODE_ENV !== 'production' && !slackEnabled && !teamsEnabled),
      // Behind a reverse proxy every request comes from the proxy: take the address it reports.
      TRUST_PROXY: parseBool(c.TRUST_PROXY) ?? false,
      // Applicants outside Slack and Teams apply at /apply: on unless turned off.
      WEB_APPLY: parseBool(c.WEB_APPLY) ?? true,
      // Slack events answered in a worker thread (Node): on unless turned off.
      SLACK_ANSWER_THREAD: parseBool(c.SLACK_ANSWER_THREAD) ?? true,
      TEAMS_TOKEN_URL:
        c.TEAMS_TOKEN_URL ?? `https://login.microsoftonline.com/${c.TEAMS_TENANT_ID ?? 'botframework.com'}/oauth2/v2.0/token`,
      slackEnabled,
      slackOAuth,
      teamsEnabled,
      // Empty: any tenant, unless TEAMS_TENANT_ID names the one tenant (single-tenant, as before).
      teamsAllowedTenants: teamsTenants(c.TEAMS_ALLOWED_TENANTS, c.TEAMS_TENANT_ID),
      TEAMS_DEV_PLAYGROUND: parseBool(c.TEAMS_DEV_PLAYGROUND) ?? false,
      slackReviewers: splitList(c.SLACK_REVIEWERS),
      teamsReviewers: splitList(c.TEAMS_REVIEWERS),
    };
  });

export type Config = z.infer<typeof configSchema>;

function parseBool(v: string | undefined): boolean | undefined {
  const t = (v ?? '').trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  return undefined;
}

/** null: any tenant. "*" in the list, or no list and no TEAMS_TENANT_ID, means any tenant. */
function teamsTenants(allowed: string | undefined, single: string | undefined): string[] | null {
  const list = splitList(allowed).map((t) => t.toLowerCase());
  if (list.includes('*')) return null;
  if (list.length > 0) return list;
  return single ? [single.toLowerCase()] : null;
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env on Node, the Worker's env bindings on Workers). */
export function loadConfig(env: Record<string, unknown>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  throw new ConfigError(problems);
}
