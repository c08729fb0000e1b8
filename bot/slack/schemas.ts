/**
 * zod schemas for what Slack sends us. Only the fields we use are declared; objects are loose so
 * that Slack adding fields never breaks parsing.
 */
import * as z from 'zod';
import { LOCALES } from '../../domain/i18n/locales';

const id = z.string().min(1).max(255);

export const urlVerificationSchema = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().max(1000),
});

export const messageEventSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
});

export const appMentionEventSchema = z.looseObject({
  type: z.literal('app_mention'),
  user: id.optional(),
  bot_id: z.string().optional(),
  channel: id,
  text: z.string().default(''),
  ts: z.string(),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
});

export const appHomeOpenedEventSchema = z.looseObject({
  type: z.literal('app_home_opened'),
  user: id,
  channel: z.string().optional(),
  tab: z.string().optional(),
});

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  enterprise_id: z.string().max(255).nullable().optional(),
  event_id: id,
  event: z.looseObject({ type: z.string() }),
  authorizations: z.array(z.looseObject({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
});
export type EventCallback = z.infer<typeof eventCallbackSchema>;

/** `tokens_revoked`: which tokens went; only the bot's matters here (user tokens are not kept). */
export const tokensRevokedEventSchema = z.looseObject({
  type: z.literal('tokens_revoked'),
  tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }).optional(),
});

export const slashCommandSchema = z.looseObject({
  team_id: id,
  enterprise_id: z.string().max(255).optional(),
  user_id: id,
  channel_id: id,
  command: z.string().min(1),
  text: z.string().default(''),
  trigger_id: id,
  response_url: z.string().optional(),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const userRef = z.looseObject({ id, team_id: z.string().optional() });
const teamRef = z.looseObject({ id }).nullable().optional();

export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: userRef,
  team: teamRef,
  enterprise: teamRef,
  trigger_id: id,
  container: z
    .looseObject({ type: z.string(), channel_id: z.string().optional(), message_ts: z.string().optional(), view_id: z.string().optional() })
    .optional(),
  channel: z.looseObject({ id }).nullable().optional(),
  view: z.looseObject({ id, type: z.string(), private_metadata: z.string().optional() }).nullable().optional(),
  actions: z.array(z.looseObject({ action_id: id, value: z.string().max(2000).optional(), action_ts: z.string().optional() })).min(1),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

/** One input element's state, as Slack reports it in `view.state.values[block][action]`. */
export const elementStateSchema = z.looseObject({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: z.looseObject({ value: z.string() }).nullable().optional(),
  selected_options: z.array(z.looseObject({ value: z.string() })).optional(),
  selected_date: z.string().nullable().optional(),
});

export const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: userRef,
  team: teamRef,
  enterprise: teamRef,
  trigger_id: z.string().optional(),
  view: z.looseObject({
    id,
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).default(''),
    hash: z.string().optional(),
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })).default([]),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), elementStateSchema)) }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

export const shortcutSchema = z.looseObject({
  type: z.literal('shortcut'),
  user: userRef,
  team: teamRef,
  enterprise: teamRef,
  callback_id: z.string(),
  trigger_id: id,
});

export const interactionSchema = z.discriminatedUnion('type', [blockActionsSchema, viewSubmissionSchema, shortcutSchema]);

// The modal's language: a submission that fails says so in the words the modal was shown in.
const modalLocale = z.enum(LOCALES).optional().catch(undefined);
/** Metadata we put on a form step's modal: the draft id and the language it is shown in. */
export const formMetadataSchema = z.object({ draftId: z.string().min(1), locale: modalLocale });
/** Metadata on a prompt's modal: what to send back, where the prompt was asked from, its language. */
export const promptMetadataSchema = z.object({ contextId: z.string().min(1), channel: z.string().optional(), locale: modalLocale });
