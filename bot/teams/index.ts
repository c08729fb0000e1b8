/**
 * Microsoft Teams as a PlatformAdapter: POST /api/messages and the tab pages, the outbox Sender,
 * and who may decide on applications from Teams.
 */
import { Hono } from 'hono';
import type { PlatformAdapter } from '../core/adapter';
import type { Actor } from '../core/types';
import type { AppDeps } from '../../server/deps';
import { forgetEvent, markEventProcessed } from '../../db/outbox-queue';
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
import type { Activity } from './schema';
import type { TurnContext } from './turn';

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

/** Builds the Teams adapter. Without TEAMS_APP_ID and password it still serves the tab pages. */
export function createTeamsAdapter(deps: AppDeps, opts: TeamsAdapterOptions = {}): PlatformAdapter {
  const { config } = deps;
  const log = deps.log.child({ platform: 'teams' });
  const scoped = { ...deps, log };
  const configured = Boolean(config.TEAMS_APP_ID && config.TEAMS_APP_PASSWORD);
  const devPlayground = opts.devPlayground === true;
  if (devPlayground) {
    assertDevPlaygroundAllowed(config);
    log.warn('teams_dev_playground', { note: 'unauthenticated activities from loopback service URLs are accepted' });
  }

  const client = configured || devPlayground
    ? createConnectorClient({
      appId: config.TEAMS_APP_ID ?? '',
      appPassword: config.TEAMS_APP_PASSWORD ?? '',
      tokenUrl: config.TEAMS_TOKEN_URL,
      ...(devPlayground ? { anonymous: true } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    })
    : null;
  const verifier = config.TEAMS_APP_ID
    ? createVerifier({
      metadataUrl: config.TEAMS_OPENID_METADATA_URL!,
      appId: config.TEAMS_APP_ID,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
      ...(opts.jwksCooldownMs !== undefined ? { jwksCooldownMs: opts.jwksCooldownMs } : {}),
    })
    : null;

  // The web form in a dialog needs a public https address (Teams loads nothing else) and the
  // app password, from which the link tokens' key is derived.
  const tokens = config.TEAMS_APP_PASSWORD ? createDialogTokens(config.TEAMS_APP_PASSWORD) : null;
  const publicUrl = config.PUBLIC_URL?.startsWith('https://') ? config.PUBLIC_URL : undefined;

  const turn: TurnContext = {
    deps: scoped,
    client,
    firstDelivery: (id) => markEventProcessed(deps.db, id, deps.clock.now().toISOString()),
    forgetDelivery: (id) => forgetEvent(deps.db, id),
    ...(tokens && publicUrl
      ? {
        dialogLink: async (actor: Actor, activity: Activity) => {
          if (actor.platform !== 'teams' || !actor.scope) return null;
          const token = await tokens.sign({
            actor: { ...actor, platform: 'teams', scope: actor.scope },
            conversation: { id: activity.conversation.id, serviceUrl: activity.serviceUrl, personal: conversationRefOf(activity).isDirect },
          });
          return dialogUrl(publicUrl, token);
        },
      }
      : {}),
  };

  const links = config.TEAMS_APP_PASSWORD ? createDataLinks(config.TEAMS_APP_PASSWORD) : null;
  const routes = new Hono();
  routes.route('/', messagesRoutes(scoped, verifier, turn, { devPlayground }));
  if (links) routes.route('/', dataLinkRoutes(scoped, links));
  routes.route('/', tabRoutes(scoped, opts.teamsJs));
  if (tokens) routes.route('/', dialogRoutes({ deps: scoped, client, tokens }));

  const isReviewer = createReviewerCheck({
    db: deps.db, client, envReviewers: config.teamsReviewers, defaultServiceUrl: config.TEAMS_SERVICE_URL, log,
  });
  return {
    platform: 'teams',
    routes,
    sender: createTeamsSender({
      db: deps.db,
      client,
      ...(config.TEAMS_APP_ID ? { appId: config.TEAMS_APP_ID } : {}),
      ...(config.TEAMS_TENANT_ID ? { tenantId: config.TEAMS_TENANT_ID } : {}),
      defaultServiceUrl: config.TEAMS_SERVICE_URL,
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
