/**
 * Microsoft Teams as a PlatformAdapter: POST /api/messages and the tab pages, the outbox Sender,
 * and who may decide on applications from Teams.
 */
import { Hono } from 'hono';
import type { PlatformAdapter } from '../core/adapter';
import type { Actor } from '../core/types';
import type { AdapterHost } from '../core/host';
import { createVerifier } from './auth';
import { createConnectorClient } from './client';
import { assertDevPlaygroundAllowed } from './dev-playground';
import { dialogRoutes, dialogUrl } from './dialog';
import { createDialogTokens } from './dialog-token';
import { conversationRefOf } from './parse';
import { messagesRoutes } from './routes';
import { createReviewerCheck } from './roster';
import { createDataLinks, dataLinkRoutes, DATA_LINK_TTL_SECONDS } from './data-link';
import type { FileDelivery, PersonalFile } from '../../domain/privacy';
import { createTeamsSender } from './sender';
import { tabRoutes, type ScriptSource } from './tab';
import { myApplicationRoutes } from './my-application';
import { createSsoVerifier, ENTRA_JWKS_URL } from './sso';
import type { Activity } from './schema';
import type { TurnContext } from './turn';
import type { TeamsSettings, TeamsStores } from './settings';

export interface TeamsAdapterOptions {
  /** For tests and proxies: every outbound HTTP call (metadata, keys, token, connector). */
  fetch?: typeof fetch;
  /** How soon an unknown signing key may refetch the key set (default 30 s). */
  jwksCooldownMs?: number;
  /** Where the TeamsJS browser bundle comes from (Workers: a static asset). */
  teamsJs?: ScriptSource;
  /**
   * Accept the Agents Playground's unauthenticated activities (dev-playground.ts). Only the Node
   * entry passes it, and only from TEAMS_DEV_PLAYGROUND; it throws outside development on loopback.
   */
  devPlayground?: boolean;
}

/** Builds the Teams adapter. Without an app id and password it still serves the tab pages. */
export function createTeamsAdapter(
  deps: AdapterHost,
  config: TeamsSettings,
  stores: TeamsStores,
  opts: TeamsAdapterOptions = {},
): PlatformAdapter {
  const log = deps.log.child({ platform: 'teams' });
  const scoped = { ...deps, log };
  const configured = Boolean(config.appId && config.appPassword);
  const devPlayground = opts.devPlayground === true;
  if (devPlayground) {
    assertDevPlaygroundAllowed(config.runtime);
    log.warn('teams_dev_playground', { note: 'unauthenticated activities from loopback service URLs are accepted' });
  }

  const client =
    configured || devPlayground
      ? createConnectorClient({
          appId: config.appId ?? '',
          appPassword: config.appPassword ?? '',
          tokenUrl: config.tokenUrl,
          ...(devPlayground ? { anonymous: true } : {}),
          ...(opts.fetch ? { fetch: opts.fetch } : {}),
        })
      : null;
  const verifier = config.appId
    ? createVerifier({
        metadataUrl: config.openIdMetadataUrl!,
        appId: config.appId,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        ...(opts.jwksCooldownMs !== undefined ? { jwksCooldownMs: opts.jwksCooldownMs } : {}),
      })
    : null;

  // The web form in a dialog needs a public https address (Teams loads nothing else) and the
  // app password, from which the link tokens' key is derived.
  const tokens = config.appPassword ? createDialogTokens(config.appPassword) : null;
  const publicUrl = config.publicUrl?.startsWith('https://') ? config.publicUrl : undefined;

  const turn: TurnContext = {
    deps: scoped,
    client,
    conversations: stores.conversations,
    reviewCards: stores.reviewCards,
    firstDelivery: deps.deliveries.isNew,
    forgetDelivery: deps.deliveries.forget,
    ...(tokens && publicUrl
      ? {
          dialogLink: async (actor: Actor, activity: Activity) => {
            if (actor.platform !== 'teams' || !actor.scope) return null;
            const token = await tokens.sign({
              actor: { ...actor, platform: 'teams', scope: actor.scope },
              conversation: {
                id: activity.conversation.id,
                serviceUrl: activity.serviceUrl,
                personal: conversationRefOf(activity).isDirect,
              },
            });
            return dialogUrl(publicUrl, token);
          },
        }
      : {}),
  };

  const links = config.appPassword ? createDataLinks(config.appPassword) : null;
  const routes = new Hono();
  routes.route(
    '/',
    messagesRoutes(scoped, verifier, turn, {
      devPlayground,
      allowedTenants: config.allowedTenants,
      ...(stores.tenants ? { tenants: stores.tenants } : {}),
    }),
  );
  if (links) routes.route('/', dataLinkRoutes(scoped, links));
  routes.route('/', tabRoutes(config, opts.teamsJs));
  // The tab's SSO needs the Application ID URI, api://<public host>/<app id>.
  if (config.appId && config.publicUrl?.startsWith('https:') && stores.myApplications) {
    const resource = `api://${new URL(config.publicUrl).host}/${config.appId}`;
    const sso = createSsoVerifier(
      { appId: config.appId, resource, allowedTenants: config.allowedTenants },
      config.ssoJwksUrl ?? ENTRA_JWKS_URL,
    );
    routes.route('/', myApplicationRoutes(sso, stores.myApplications, log));
  }
  if (tokens) routes.route('/', dialogRoutes({ deps: scoped, client, conversations: stores.conversations, tokens }));

  const isReviewer = createReviewerCheck({
    conversations: stores.conversations,
    reviewerLists: deps.reviewerLists,
    client,
    envReviewers: config.reviewers,
    defaultServiceUrl: config.serviceUrl,
    log,
  });
  return {
    platform: 'teams',
    routes,
    sender: createTeamsSender({
      conversations: stores.conversations,
      client,
      ...(config.appId ? { appId: config.appId } : {}),
      ...(config.tenantId ? { tenantId: config.tenantId } : {}),
      defaultServiceUrl: config.serviceUrl,
      now: () => deps.clock.now().toISOString(),
    }),
    isReviewer,
    // A download link in the personal chat (see data-link.ts); it needs the public address.
    deliverFile: async (_actor: Actor, file: PersonalFile): Promise<FileDelivery> => {
      if (!links || !publicUrl) return { kind: 'unavailable' };
      const url = new URL('my-data/download', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
      url.searchParams.set('token', await links.sign(file.personId));
      return { kind: 'link', url: url.toString(), expiresInMinutes: DATA_LINK_TTL_SECONDS / 60 };
    },
  };
}
