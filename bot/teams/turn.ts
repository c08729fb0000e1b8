/**
 * One verified activity, start to finish. Invokes are answered in the HTTP response (Teams shows
 * that card in place); messages are acknowledged at once and answered from a background task so
 * the 15 s turn limit never depends on the engine or the connector.
 */
import { localeFromTag, t, type Locale } from '../../domain/i18n';
import type { ReviewCards, TeamsConversations } from '../../domain/channel-ports';
import type { AdapterHost } from '../core/host';
import type { Actor, EngineResult, InboundEvent } from '../core/types';
import type { FormView, Reply } from '../../domain/messages';
import { searchCountries } from '../../domain/countries';
import type { ConnectorClient } from './client';
import { REASON_FORM } from '../../domain/actions';
import { referenceOf } from './conversations';
import { actorOf, conversationRefOf, intentOf, toEvent, type ActivityIntent } from './parse';
import { ADAPTIVE_CARD_CONTENT_TYPE, attachment, type AdaptiveCard } from './render/adaptive';
import { formToAdaptiveCard, promptToAdaptiveCard, withValuesAndErrors } from './render/form';
import { repliesToActivities, repliesToCard } from './render/replies';
import type { Activity } from './schema';
import { isPersonal, privacyCard } from './privacy';
import { reviewCardAfterDecision } from './review';
import { withRetry } from './retry';

export interface TurnResponse {
  /** Bot Framework answers 200 (invoke results travel in the body) or 400 for a malformed activity. */
  status: 200 | 400;
  /** An invoke response or task module answer: always a JSON object. */
  body?: object;
}

export interface TurnContext {
  deps: AdapterHost;
  client: ConnectorClient | null;
  conversations: TeamsConversations;
  reviewCards: ReviewCards;
  /** True the first time an activity id is seen (Teams redelivers when a turn is slow). */
  firstDelivery(id: string): Promise<boolean>;
  /** Forgets an id given to firstDelivery, so that it counts as new again. */
  forgetDelivery?(id: string): Promise<void>;
  /**
   * With an https PUBLIC_URL: the link for a dialog that hosts the web form (dialog.ts), or null
   * when this activity cannot be bound to a person and tenant. Without it dialogs show cards.
   */
  dialogLink?(actor: Actor, activity: Activity): Promise<string | null>;
}

const INVOKE_CARD = (card: AdaptiveCard): TurnResponse => ({
  status: 200,
  body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card },
});

/** Handles one verified, parsed activity. */
export async function handleActivity(ctx: TurnContext, activity: Activity): Promise<TurnResponse> {
  const { deps } = ctx;
  const ref = referenceOf(activity);
  if (ref) {
    // Every activity refreshes the reference: serviceUrl can move between regions.
    await ctx.conversations
      .save(ref, deps.clock.now().toISOString())
      .catch((e) => deps.log.warn('teams_reference_not_saved', { error: e }));
  }
  const intent = intentOf(activity);
  const isInvoke = activity.type === 'invoke';
  const actor = actorOf(activity);

  if (intent.type === 'bad_request') {
    deps.log.warn('teams_bad_activity', { reason: intent.reason, activityType: activity.type });
    return isInvoke
      ? {
          status: 200,
          body: {
            statusCode: 400,
            type: 'application/vnd.microsoft.error',
            value: { code: 'BadRequest', message: t(localeFromTag(actor?.locale) ?? 'en', 'security.error.cardInvalid') },
          },
        }
      : { status: 400 };
  }
  if (intent.type === 'installed') {
    // Teams announces one installation twice (installationUpdate and conversationUpdate): the
    // first of them welcomes, once per conversation until the app is removed from it.
    if (actor && activity.conversation.conversationType === 'personal' && (await ctx.firstDelivery(welcomeKey(activity)))) {
      deps.background(async () => sendAnswer(ctx, activity, { replies: await deps.engine.home(actor) }, false));
    }
    return { status: 200 };
  }
  if (intent.type === 'uninstalled') {
    await ctx.forgetDelivery?.(welcomeKey(activity));
    return { status: 200 };
  }
  if (intent.type === 'ignore' || !actor) return isInvoke ? { status: 200, body: { statusCode: 200 } } : { status: 200 };

  if (intent.type === 'search') return searchAnswer(intent);
  if (intent.type === 'task_fetch') return taskContinue(await deps.engine.openForm(actor), await ctx.dialogLink?.(actor, activity));
  if (intent.type === 'dialog_done')
    return { status: 200, body: { task: { type: 'message', value: await dialogDone(deps, actor, intent.reference) } } };

  const event = toEvent(intent, actor, conversationRefOf(activity));
  if (!event) return { status: 200 };
  // In a channel or group chat everyone reads the answer: nothing personal is answered there.
  const privately = !event.conversation.isDirect && isPersonal(intent) ? privacyCard(activity, true) : null;
  if (privately && isInvoke) return INVOKE_CARD(privately);

  if (!isInvoke) {
    const id = `teams:${activity.conversation.id}:${activity.id ?? ''}`;
    if (activity.id && !(await ctx.firstDelivery(id))) return { status: 200 };
    if (privately) {
      deps.background(() => sendAnswer(ctx, activity, { replies: [], card: privately }, true));
      return { status: 200 };
    }
    const received = Date.now();
    deps.background(async () => {
      const result = await run(ctx, event, intent);
      await sendAnswer(ctx, activity, await answerFor(ctx, actor, intent, result), true);
      deps.metrics.answered('teams', (Date.now() - received) / 1000);
    });
    return { status: 200 };
  }

  const result = await run(ctx, event, intent);
  const answer = await answerFor(ctx, actor, intent, result);
  if (activity.name === 'task/submit') return taskAnswer(answer.replies, result);
  // A decision, whether clicked (Approve) or sent with its reason from the prompt that replaced the
  // card (Reject, Request information), answers with the whole updated review card.
  const review =
    (intent.type === 'action' && intent.actionId.startsWith('review.')) || (intent.type === 'submission' && intent.formId === REASON_FORM);
  if (review && activity.replyToId && !result.fieldErrors) {
    const card = await reviewCardAfterDecision(ctx.reviewCards, activity.replyToId, result.replies);
    if (card) return INVOKE_CARD(card);
  }
  return INVOKE_CARD(answer.card ?? repliesToCard(answer.replies));
}

const welcomeKey = (activity: Activity) => `teams:welcome:${activity.conversation.id}`;

/**
 * The typeahead of a country field (render/form.ts). Answered here, without the engine: the
 * list is fixed data and the answer must come within the invoke.
 */
function searchAnswer(intent: Extract<ActivityIntent, { type: 'search' }>): TurnResponse {
  if (intent.dataset !== 'countries') {
    return {
      status: 200,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown list.' } },
    };
  }
  const found = searchCountries(intent.query, intent.skip + intent.top).slice(intent.skip);
  const results = found.map((c) => ({ title: c.name, value: c.code }));
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } } };
}

/** "apply" typed in chat opens the form directly, as the slash command does on Slack. */
async function run(ctx: TurnContext, event: InboundEvent, intent: ActivityIntent): Promise<EngineResult> {
  if (intent.type === 'message' && /^apply[.!]?$/i.test(intent.text)) return ctx.deps.engine.openForm(event.actor);
  return ctx.deps.engine.handle(event);
}

/** What to show: the replies, or one card that replaces them (a prompt asked again). */
interface Answer {
  replies: Reply[];
  card?: AdaptiveCard;
}

/**
 * The replies to show, with field errors turned into the same step (values kept, messages under
 * the fields). The engine normally sends that step itself; when it does not, the step is rebuilt
 * from openForm, which resumes the step being filled in.
 */
async function answerFor(ctx: TurnContext, actor: Actor, intent: ActivityIntent, result: EngineResult): Promise<Answer> {
  if (!result.fieldErrors || intent.type !== 'submission') return { replies: result.replies };
  const errors = result.fieldErrors;
  const values = intent.values;
  const form = result.replies.find((r): r is FormReply => r.kind === 'form');
  if (form)
    return {
      replies: result.replies.map((r) => (r === form ? { kind: 'form', form: withValuesAndErrors(form.form, values, errors) } : r)),
    };
  if (intent.stepId) {
    const resumed = (await ctx.deps.engine.openForm(actor)).replies.find((r): r is FormReply => r.kind === 'form');
    if (resumed && resumed.form.stepId === intent.stepId)
      return { replies: [{ kind: 'form', form: withValuesAndErrors(resumed.form, values, errors) }] };
  }
  const message = Object.values(errors).join(' ');
  if (intent.prompt) {
    const prompt = { ...intent.prompt, formId: intent.formId, contextId: intent.contextId };
    const typed = typeof values.text === 'string' ? values.text : undefined;
    return { replies: [], card: promptToAdaptiveCard(prompt, { error: message, ...(typed ? { value: typed } : {}) }) };
  }
  return { replies: [{ kind: 'text', text: message }] };
}

type FormReply = Extract<Reply, { kind: 'form' }>;

/** The web form when there is a link for it, else the step as a card; no step, a message. */
function taskContinue(result: EngineResult, link?: string | null): TurnResponse {
  const form = result.replies.find((r): r is FormReply => r.kind === 'form');
  if (!form) return taskMessage(result.replies);
  if (link) {
    const value = {
      title: t(result.locale ?? 'en', 'chrome.teams.dialogTitle'),
      height: 'large',
      width: 'medium',
      url: link,
      fallbackUrl: link,
    };
    return { status: 200, body: { task: { type: 'continue', value } } };
  }
  return { status: 200, body: { task: { type: 'continue', value: dialogOf(form.form) } } };
}

/**
 * The web form closed itself with dialog.url.submit({reference}). The reference is only repeated
 * when it is this person's submitted application; the confirmation itself is already in the chat.
 */
async function dialogDone(deps: AdapterHost, actor: Actor, reference: string): Promise<string> {
  let l: Locale = 'en';
  try {
    const person = await deps.store.personFor({
      platform: actor.platform,
      scope: actor.scope ?? '',
      userId: actor.userId,
      displayName: actor.displayName ?? null,
      email: actor.email ?? null,
      timeZone: actor.timeZone ?? null,
    });
    l = person.locale ?? 'en';
    const apps = await deps.store.listForPerson(person.id);
    if (apps.some((a) => a.reference === reference && a.status === 'submitted')) return t(l, 'chrome.teams.received', { reference });
  } catch (e) {
    deps.log.warn('teams_dialog_done_lookup_failed', { error: e });
  }
  return t(l, 'chrome.teams.saved');
}

function taskAnswer(replies: Reply[], result: EngineResult): TurnResponse {
  const form = replies.find((r): r is FormReply => r.kind === 'form');
  if (form && !result.closeForm) return { status: 200, body: { task: { type: 'continue', value: dialogOf(form.form) } } };
  return taskMessage(replies);
}

function dialogOf(form: FormView) {
  return {
    title: `${form.title} (${form.stepNumber}/${form.stepCount})`,
    height: 'large',
    width: 'medium',
    card: attachment(formToAdaptiveCard(form, { surface: 'dialog' })),
  };
}

function taskMessage(replies: Reply[]): TurnResponse {
  const text = replies
    .map((r) => (r.kind === 'text' ? r.text : r.kind === 'card' ? r.card.title : ''))
    .filter(Boolean)
    .join('\n\n');
  return { status: 200, body: { task: { type: 'message', value: text || 'Done.' } } };
}

/** Replies to the person in the conversation they wrote in; in channels, inside their thread. */
async function sendAnswer(ctx: TurnContext, activity: Activity, answer: Answer, asReply: boolean): Promise<void> {
  if (!ctx.client) return;
  const activities = answer.card ? [{ type: 'message', attachments: [attachment(answer.card)] }] : repliesToActivities(answer.replies);
  for (const out of activities) {
    await withRetry(
      () => ctx.client!.send(activity.serviceUrl, activity.conversation.id, out, asReply ? activity.id : undefined),
      ctx.deps.log,
    );
  }
}
