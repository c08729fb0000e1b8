/**
 * The neutral conversation contract. Platform adapters turn their payloads into InboundEvents and
 * render the Replies; nothing in here knows Slack, Teams or HTTP.
 */
import type { Locale } from '../../domain/i18n/locales';
import type { Platform } from '../../domain/types';
import type { Reply } from '../../domain/messages';
import type { RawValues } from '../../domain/form';

export type { RawValues } from '../../domain/form';

export type { Reply } from '../../domain/messages';

/** Who is talking, as the platform identifies them. */
export interface Actor {
  platform: Platform;
  /** Slack user id, Teams AAD object id, playground user name. */
  userId: string;
  /** Slack team id, Teams tenant id. */
  scope?: string;
  displayName?: string;
  email?: string;
  /** The platform vouches for `email` (see IdentityInput.emailVerified). */
  emailVerified?: boolean;
  /** IANA zone from the platform (Slack users.info tz, Teams activity localTimezone). */
  timeZone?: string;
  /** Locale tag from the platform (Slack users.info `locale`, Teams `activity.locale`), e.g. "fr-FR". */
  locale?: string;
  /**
   * The language to write to this person in, decided by the engine from their choice, the
   * platform locale and their message (bot/core/language.ts). Adapters leave it unset.
   */
  language?: Locale;
}

/** Where the reply goes back to; opaque to the engine beyond `isDirect`. */
export interface ConversationRef {
  id: string;
  isDirect: boolean;
  /** Slack: the thread the message was written in (a mention's thread, or the mention itself). */
  thread?: string;
}

export type InboundEvent =
  /** Free text: a DM, a mention (mention stripped), or `/dialogues <text>`. */
  | { kind: 'message'; actor: Actor; conversation: ConversationRef; text: string }
  /** A button: `actionId` is a CardAction id, `value` its value. */
  | { kind: 'action'; actor: Actor; conversation: ConversationRef; actionId: string; value?: string }
  /** A form step or prompt sent back. Values are raw strings as the platform gave them. */
  | {
      kind: 'submission';
      actor: Actor;
      conversation: ConversationRef;
      formId: string;
      /** FormView.draftId or PromptView.contextId */
      contextId: string;
      stepId?: string;
      values: RawValues;
    };

export interface EngineResult {
  replies: Reply[];
  /** The language the replies are written in (the person's), for the words a renderer adds. */
  locale?: Locale;
  /**
   * For form submissions: field errors to show on the form instead of replies (Slack
   * `response_action: errors`, Teams card re-sent with messages).
   */
  fieldErrors?: Record<string, string>;
  /** For form submissions: the form is finished and any modal can close. */
  closeForm?: boolean;
}
