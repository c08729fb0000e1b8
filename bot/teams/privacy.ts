/**
 * Nothing personal in a channel or group chat. Teams posts a bot's answer where the person wrote,
 * for everyone in that conversation to read, so an application (names, emails, nationality,
 * gender of representatives), its status or its form is never answered there: the person gets a
 * button that opens the form in a dialog only they see, or a note to use the personal chat.
 */
import { ACTIONS, FORM_BACK_ACTION, INFO_FORM } from '../../domain/actions';
import { FORM_ID } from '../../domain/form';
import { localeFromTag, t } from '../../domain/i18n';
import { classify } from '../core/intents';
import { adaptiveCard, submitAction, textBlock, type AdaptiveCard } from './render/adaptive';
import { teamsInert } from './render/inert';
import type { ActivityIntent } from './parse';
import type { Activity } from './schema';

const PERSONAL_ACTIONS = new Set<string>([
  ACTIONS.apply,
  ACTIONS.resume,
  ACTIONS.status,
  ACTIONS.edit,
  ACTIONS.withdraw,
  ACTIONS.withdrawConfirm,
  ACTIONS.answerInfo,
  FORM_BACK_ACTION,
]);
const PERSONAL_MESSAGES = new Set(['apply', 'status', 'edit', 'withdraw', 'wantsToApply']);

/** Whether answering `intent` would show this person's application. */
export function isPersonal(intent: ActivityIntent): boolean {
  if (intent.type === 'message') return /^apply[.!]?$/i.test(intent.text.trim()) || PERSONAL_MESSAGES.has(classify(intent.text).kind);
  if (intent.type === 'action') return PERSONAL_ACTIONS.has(intent.actionId);
  if (intent.type === 'submission') return intent.formId === FORM_ID || intent.formId === INFO_FORM;
  return false;
}

/** The card shown instead, in the person's language; `dialogs` offers the window. */
export function privacyCard(activity: Activity, dialogs: boolean): AdaptiveCard {
  const locale = localeFromTag(typeof activity.locale === 'string' ? activity.locale : null) ?? 'en';
  const body = [
    textBlock(teamsInert(t(locale, 'security.private.title')), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    textBlock(teamsInert(t(locale, dialogs ? 'security.private.text' : 'security.private.textNoWindow'))),
  ];
  const actions = dialogs
    ? [submitAction(t(locale, 'security.private.open'), { msteams: { type: 'task/fetch' }, action: 'openApplication' })]
    : [];
  return adaptiveCard(body, actions);
}
