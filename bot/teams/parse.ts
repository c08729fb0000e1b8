/**
 * Activities to neutral events. Pure: no I/O, so the routes decide what to do with each kind.
 */
import { LOCALES } from '../../domain/i18n/locales';
import * as z from 'zod';
import type { Actor, ConversationRef, InboundEvent, RawValues } from '../core/types';
import { FORM_VERB, PROMPT_VERB, RESERVED_DATA_KEYS } from './render/adaptive';
import { adaptiveActionValue, searchValue, submitData, taskValue, type Activity } from './schema';

/** The question of a prompt card, carried in its action data. */
export interface PromptMeta {
  title: string;
  label: string;
  submitLabel: string;
  maxLength: number;
  invalidMessage?: string;
}

const promptMeta = z.object({
  title: z.string(),
  label: z.string(),
  submitLabel: z.string(),
  maxLength: z.number().int().positive(),
  invalidMessage: z.string().max(500).optional(),
  locale: z.enum(LOCALES).optional(),
});

/** What an activity asks of the bot, before an Actor is attached. */
export type ActivityIntent =
  | { type: 'message'; text: string }
  | { type: 'action'; actionId: string; value?: string }
  | { type: 'submission'; formId: string; contextId: string; stepId?: string; values: RawValues; prompt?: PromptMeta }
  | { type: 'task_fetch' }
  /** Typeahead in a card: the options of `dataset` matching `query`, a page at a time. */
  | { type: 'search'; dataset: string; query: string; skip: number; top: number }
  /** The web form's dialog.url.submit({reference}) (dialog.ts). */
  | { type: 'dialog_done'; reference: string }
  /** The app was installed here (each installation sends two of these). */
  | { type: 'installed' }
  | { type: 'uninstalled' }
  | { type: 'ignore'; reason: string }
  | { type: 'bad_request'; reason: string };

export function tenantOf(a: Activity): string | undefined {
  return a.conversation.tenantId ?? a.channelData?.tenant?.id;
}

/** Actor: the AAD object id is stable across chats and tenants' apps, unlike the 29: MRI. */
export function actorOf(a: Activity): Actor | null {
  const userId = a.from.aadObjectId;
  if (!userId) return null;
  const zone = a.localTimezone ?? clientInfoZone(a);
  return {
    platform: 'teams',
    userId,
    ...(tenantOf(a) ? { scope: tenantOf(a) } : {}),
    ...(a.from.name ? { displayName: a.from.name } : {}),
    ...(zone && isZone(zone) ? { timeZone: zone } : {}),
    ...(localeOf(a) ? { locale: localeOf(a) } : {}),
  };
}

export function conversationKind(a: Activity): 'personal' | 'channel' | 'group' {
  const t = a.conversation.conversationType;
  if (t === 'personal') return 'personal';
  if (t === 'channel') return 'channel';
  if (t === 'groupChat') return 'group';
  return a.conversation.isGroup ? 'group' : 'personal';
}

export function conversationRefOf(a: Activity): ConversationRef {
  return { id: a.conversation.id, isDirect: conversationKind(a) === 'personal' };
}

/** Removes the bot's own <at>…</at> mention so a channel question reads like a chat one. */
export function stripMention(a: Activity): string {
  let text = a.text ?? '';
  const botId = a.recipient?.id;
  for (const e of a.entities ?? []) {
    if (e.type !== 'mention' || !e.text) continue;
    if (botId && e.mentioned?.id !== botId) continue;
    text = text.split(e.text).join(' ');
  }
  // Some clients send the mention without an entity; keep the question, drop the tag.
  text = text.replace(/<at>[^<]*<\/at>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Classifies one activity. */
export function intentOf(a: Activity): ActivityIntent {
  if (a.type === 'message') {
    if (a.value !== undefined && a.value !== null && (a.text ?? '').trim() === '') {
      const data = submitData.safeParse(a.value);
      if (!data.success) return { type: 'bad_request', reason: 'submit_value' };
      const verb = typeof data.data.verb === 'string' ? data.data.verb : undefined;
      if (!verb) return { type: 'ignore', reason: 'submit_without_verb' };
      return fromAction(verb, data.data);
    }
    const text = stripMention(a);
    return text ? { type: 'message', text } : { type: 'ignore', reason: 'empty_message' };
  }
  if (a.type === 'invoke') {
    if (a.name === 'adaptiveCard/action') {
      const v = adaptiveActionValue.safeParse(a.value);
      if (!v.success) return { type: 'bad_request', reason: 'action_value' };
      return fromAction(v.data.action.verb, v.data.action.data ?? {});
    }
    if (a.name === 'task/fetch') return { type: 'task_fetch' };
    if (a.name === 'application/search') {
      const v = searchValue.safeParse(a.value);
      if (!v.success) return { type: 'bad_request', reason: 'search_value' };
      const { skip = 0, top = 15 } = v.data.queryOptions ?? {};
      return { type: 'search', dataset: v.data.dataset ?? '', query: v.data.queryText, skip, top };
    }
    if (a.name === 'task/submit') {
      const v = taskValue.safeParse(a.value);
      if (!v.success) return { type: 'bad_request', reason: 'task_value' };
      const data = v.data.data ?? {};
      const verb = typeof data.verb === 'string' ? data.verb : undefined;
      if (!verb && typeof data.reference === 'string' && /^[\w-]{1,40}$/.test(data.reference))
        return { type: 'dialog_done', reference: data.reference };
      return verb ? fromAction(verb, data) : { type: 'bad_request', reason: 'task_without_verb' };
    }
    return { type: 'ignore', reason: `invoke:${a.name ?? ''}` };
  }
  if (a.type === 'conversationUpdate') {
    const botId = a.recipient?.id;
    if ((a.membersAdded ?? []).some((m) => m.id === botId)) return { type: 'installed' };
    if ((a.membersRemoved ?? []).some((m) => m.id === botId)) return { type: 'uninstalled' };
    return { type: 'ignore', reason: 'conversation_update' };
  }
  if (a.type === 'installationUpdate') {
    // An upgrade (add-upgrade, remove-upgrade) is neither: the app stays where it was.
    if (a.action === 'add') return { type: 'installed' };
    if (a.action === 'remove') return { type: 'uninstalled' };
    return { type: 'ignore', reason: `installation_update:${a.action ?? ''}` };
  }
  return { type: 'ignore', reason: a.type };
}

/** Builds the InboundEvent for an intent that the engine handles. */
export function toEvent(intent: ActivityIntent, actor: Actor, conversation: ConversationRef): InboundEvent | null {
  switch (intent.type) {
    case 'message':
      return { kind: 'message', actor, conversation, text: intent.text };
    case 'action':
      return {
        kind: 'action',
        actor,
        conversation,
        actionId: intent.actionId,
        ...(intent.value !== undefined ? { value: intent.value } : {}),
      };
    case 'submission':
      return {
        kind: 'submission',
        actor,
        conversation,
        formId: intent.formId,
        contextId: intent.contextId,
        ...(intent.stepId ? { stepId: intent.stepId } : {}),
        values: intent.values,
      };
    default:
      return null;
  }
}

function fromAction(verb: string, data: Record<string, unknown>): ActivityIntent {
  if (verb === FORM_VERB || verb === PROMPT_VERB) {
    const formId = str(data.formId);
    const contextId = verb === FORM_VERB ? str(data.draftId) : str(data.contextId);
    if (!formId || !contextId) return { type: 'bad_request', reason: 'submission_ids' };
    const multi = Array.isArray(data.multi) ? data.multi.filter((m): m is string => typeof m === 'string') : [];
    const values = inputsOf(data, multi);
    if (verb === PROMPT_VERB) {
      const meta = promptMeta.safeParse(data.prompt);
      return {
        type: 'submission',
        formId,
        contextId,
        values: { text: str(values.text) ?? '' },
        ...(meta.success ? { prompt: meta.data } : {}),
      };
    }
    return { type: 'submission', formId, contextId, ...(str(data.stepId) ? { stepId: str(data.stepId) } : {}), values };
  }
  const value = data.value;
  return { type: 'action', actionId: verb, ...(value !== undefined && value !== null ? { value: String(value) } : {}) };
}

/** Input values are whatever Teams sent (strings, sometimes booleans); multi-selects are "a,b". */
function inputsOf(data: Record<string, unknown>, multi: string[]): RawValues {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(data)) {
    if (RESERVED_DATA_KEYS.includes(k) || v === undefined || v === null || typeof v === 'object') continue;
    const s = String(v);
    out[k] = multi.includes(k)
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : s;
  }
  return out as RawValues;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The client's language: activity.locale, else the clientInfo entity's (bounded: it is only a hint). */
function localeOf(a: Activity): string | undefined {
  const info = (a.entities ?? []).find((e) => e.type === 'clientInfo');
  const tag = a.locale ?? (typeof info?.locale === 'string' ? info.locale : undefined);
  return tag && tag.length <= 35 ? tag : undefined;
}

function clientInfoZone(a: Activity): string | undefined {
  const info = (a.entities ?? []).find((e) => e.type === 'clientInfo');
  return typeof info?.timezone === 'string' ? info.timezone : undefined;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
