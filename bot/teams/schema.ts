/**
 * The parts of Bot Framework activities the bot reads, checked with zod. Unknown fields pass
 * through (Teams adds new ones often); missing required ones make the request a 400.
 */
import * as z from 'zod';

// Ids go into connector URLs and database keys. Real ones are well under this (a channel thread
// id with its message id is about 100 characters); a longer one is not from Teams.
const id = z.string().min(1).max(512);

const account = z.looseObject({
  id,
  name: z.string().max(500).optional(),
  aadObjectId: id.optional(),
});

const conversation = z.looseObject({
  id,
  conversationType: z.string().optional(),
  tenantId: id.optional(),
  isGroup: z.boolean().optional(),
  name: z.string().optional(),
});

const mention = z.looseObject({
  type: z.string(),
  mentioned: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  text: z.string().optional(),
});

const channelData = z.looseObject({
  tenant: z.looseObject({ id }).optional(),
  team: z.looseObject({ id, name: z.string().optional() }).optional(),
  channel: z.looseObject({ id, name: z.string().optional() }).optional(),
  eventType: z.string().optional(),
});

export const activitySchema = z.looseObject({
  type: z.string(),
  id: id.optional(),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.url(),
  from: account,
  recipient: account.optional(),
  conversation,
  text: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: id.optional(),
  localTimezone: z.string().optional(),
  /** The Teams client's language ("fr-FR"): the language to write in unless the person chose one. */
  locale: z.string().max(35).optional().catch(undefined),
  entities: z.array(mention).optional(),
  channelData: channelData.optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  /** installationUpdate: add, remove, add-upgrade, remove-upgrade. */
  action: z.string().max(64).optional(),
});

export type Activity = z.infer<typeof activitySchema>;

/** `adaptiveCard/action` invoke value. */
export const adaptiveActionValue = z.looseObject({
  action: z.looseObject({
    type: z.string(),
    id: z.string().optional(),
    verb: z.string().min(1),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().optional(),
});

/** `task/fetch` and `task/submit` invoke value. */
export const taskValue = z.looseObject({
  data: z.record(z.string(), z.unknown()).optional(),
  context: z.unknown().optional(),
});

/**
 * `application/search` invoke value: what someone typed into a typeahead Input.ChoiceSet whose
 * `choices.data` names a dataset. Teams asks for pages (skip/top).
 */
export const searchValue = z.looseObject({
  queryText: z.string().max(200),
  dataset: z.string().max(64).optional(),
  queryOptions: z
    .looseObject({
      skip: z.coerce.number().int().min(0).max(1000).optional(),
      top: z.coerce.number().int().min(1).max(100).optional(),
    })
    .optional(),
});

/** Action.Submit data as the renderers wrote it, merged with input values by Teams. */
export const submitData = z.record(z.string(), z.unknown());

/** Token endpoint answer. */
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  token_type: z.string().optional(),
});

/** Connector answers to send/create; only the id matters. */
export const resourceResponse = z.looseObject({ id: z.string().optional(), activityId: z.string().optional() });

/** Connector error bodies: `{error:{code,message}}` or Teams' `{errorCode, message:"{subCode…}"}`. */
export const connectorError = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).optional(),
  errorCode: z.unknown().optional(),
  message: z.string().optional(),
});

/** OpenID metadata: only the key set location is used. */
export const openIdMetadata = z.looseObject({ jwks_uri: z.url(), issuer: z.string().optional() });
