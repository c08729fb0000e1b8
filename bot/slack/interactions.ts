/**
 * Interactivity: buttons (block_actions), the global "apply" shortcut, and modal submissions.
 * A submission is answered in the acknowledgement itself (errors, next step, or close), so the
 * engine runs before the ack there; everything else runs after it.
 */
import { LOCALES, type Locale } from '../../domain/i18n/locales';
import * as z from 'zod';
import type { EngineResult } from '../core/types';
import type { Reply } from '../../domain/messages';
import { formMetadataSchema, interactionSchema, promptMetadataSchema, type BlockActions, type ViewSubmission } from './schemas';
import { ACK, actorForForm, afterAck, baseActor, scopedTo, SLACK_WAITS, type Outcome, type SlackRuntime } from './runtime';
import { OPEN_FORM_ACTION, OPEN_PROMPT_ACTION, actionIdFromSlack } from './render';
import { parseCallbackId, viewValues } from './render-form';
import { modalFor, type ReplyTarget } from './respond';
import { mrkdwn, slackInert } from './text';
import { AppError } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { sha256Hex } from '../../lib/crypto';
import { inboundJsonOrUndefined } from '../../lib/json';

export const APPLY_SHORTCUT = 'apply';

const promptValueSchema = z.object({
  formId: z.string().min(1),
  contextId: z.string().min(1),
  title: z.string().default('Your answer'),
  label: z.string().default('Answer'),
  submitLabel: z.string().default('Send'),
  maxLength: z.number().int().positive().max(3000).default(3000),
  locale: z.enum(LOCALES).optional(),
});

/** Handles an interactivity payload (the JSON in the `payload` form field). */
export async function handleInteraction(rt: SlackRuntime, raw: unknown): Promise<Outcome> {
  const parsed = interactionSchema.safeParse(raw);
  if (!parsed.success) {
    rt.log.info('slack.interaction_ignored', { type: (raw as { type?: unknown } | null)?.type });
    return ACK;
  }
  const p = parsed.data;
  const scoped = await scopedTo(rt, p.team?.id ?? p.user.team_id, p.enterprise?.id);
  if (!scoped) return ACK;
  rt = scoped;
  switch (p.type) {
    case 'shortcut': {
      if (p.callback_id !== APPLY_SHORTCUT) return ACK;
      const target: ReplyTarget = { kind: 'user', user: p.user.id };
      return {
        later: afterAck(rt, 'shortcut', target, async () => {
          if (!(await rt.isNew(`slack:trigger:${p.trigger_id}`))) return;
          const result = await rt.deps.engine.openForm(await actorForForm(rt, p.user.id, p.team?.id ?? p.user.team_id));
          await rt.responder.deliver(result.replies, target, { triggerId: p.trigger_id });
        }),
      };
    }
    case 'block_actions':
      return { later: blockAction(rt, p) };
    case 'view_submission':
      return viewSubmission(rt, p);
  }
}

function blockAction(rt: SlackRuntime, p: BlockActions): () => Promise<void> {
  const action = p.actions[0]!;
  const actor = baseActor(p.user.id, p.team?.id ?? p.user.team_id);
  const fromView = p.container?.type === 'view' || (!p.container?.channel_id && !p.channel);
  const channel = p.container?.channel_id ?? p.channel?.id;
  const inModal = p.view?.type === 'modal' ? p.view.id : undefined;
  const isDirect = fromView || !channel || channel.startsWith('D');
  const target: ReplyTarget =
    fromView || !channel
      ? { kind: 'user', user: actor.userId }
      : isDirect
        ? { kind: 'channel', channel }
        : { kind: 'ephemeral', channel, user: actor.userId };
  const modal = { triggerId: p.trigger_id, ...(inModal ? { viewId: inModal } : {}), ...(channel && !isDirect ? { channel } : {}) };
  const actionId = actionIdFromSlack(action.action_id);

  return afterAck(rt, 'action', target, async () => {
    // A retried delivery repeats the trigger id; a double click has a new one (the engine copes).
    if (!(await rt.isNew(`slack:trigger:${p.trigger_id}`))) return;
    if (actionId === OPEN_FORM_ACTION) {
      const result = await rt.deps.engine.openForm(actor);
      return rt.responder.deliver(result.replies, target, modal);
    }
    if (actionId === OPEN_PROMPT_ACTION) {
      const prompt = promptValueSchema.safeParse(inboundJsonOrUndefined(action.value));
      if (!prompt.success) return;
      return rt.responder.deliver([{ kind: 'prompt', prompt: prompt.data }], target, modal);
    }
    const conversation = { id: channel ?? actor.userId, isDirect };
    const result = await rt.deps.engine.handle({
      kind: 'action',
      actor,
      conversation,
      actionId,
      ...(action.value !== undefined ? { value: action.value } : {}),
    });
    await rt.responder.deliver(result.replies, target, modal);
  });
}

/** block_ids of the inputs in the submitted view: errors on any other id make Slack reject the answer. */
function inputBlockIds(view: ViewSubmission['view']): string[] {
  const ids = view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : []));
  return ids.length ? ids : Object.keys(view.state.values);
}

/**
 * The modal stays open with the sentence on it: under the first input, or, on a step without
 * inputs (the summary to confirm), above the same view shown again.
 */
function failedSubmission(view: ViewSubmission['view'], message: string): Record<string, unknown> {
  const [id] = inputBlockIds(view);
  if (id) return { response_action: 'errors', errors: { [id]: message.slice(0, 2000) } };
  const { type, callback_id, private_metadata, title, submit, close, blocks } = view as ViewSubmission['view'] & Record<string, unknown>;
  const kept = blocks.filter((b) => b.block_id !== FAILURE_BLOCK);
  return {
    response_action: 'update',
    view: {
      type,
      callback_id,
      private_metadata,
      title,
      submit,
      close,
      blocks: [{ type: 'section', block_id: FAILURE_BLOCK, text: mrkdwn(`:warning: ${slackInert(message)}`) }, ...kept],
    },
  };
}

const FAILURE_BLOCK = 'submission_failed';

/** The ack for a submission, and the replies that still need a message. */
export function submissionResponse(
  result: EngineResult,
  view: ViewSubmission['view'],
  channel?: string,
): { body: Record<string, unknown>; rest: Reply[] } {
  const modals = result.replies.filter((r) => r.kind === 'form' || r.kind === 'prompt');
  const others = result.replies.filter((r) => r.kind !== 'form' && r.kind !== 'prompt');
  const errors = Object.entries(result.fieldErrors ?? {});
  if (errors.length) {
    const ids = inputBlockIds(view);
    const out: Record<string, string> = {};
    for (const [field, msg] of errors) {
      const id = ids.includes(field) ? field : ids[0];
      if (id) out[id] = out[id] ? `${out[id]} ${msg}`.slice(0, 2000) : msg.slice(0, 2000);
    }
    if (Object.keys(out).length) return { body: { response_action: 'errors', errors: out }, rest: others };
  }
  const next = modals.at(-1);
  if (next && !result.closeForm) return { body: { response_action: 'update', view: modalFor(next, channel) }, rest: others };
  return { body: { response_action: 'clear' }, rest: result.closeForm ? others : result.replies };
}

async function viewSubmission(rt: SlackRuntime, p: ViewSubmission): Promise<Outcome> {
  const callback = parseCallbackId(p.view.callback_id);
  if (!callback) return ACK;
  const actor = baseActor(p.user.id, p.team?.id ?? p.user.team_id);
  const meta = inboundJsonOrUndefined(p.view.private_metadata);
  let contextId: string;
  let channel: string | undefined;
  let locale: Locale = 'en';
  if (callback.kind === 'form') {
    const m = formMetadataSchema.safeParse(meta);
    if (!m.success) return ACK;
    contextId = m.data.draftId;
    locale = m.data.locale ?? locale;
  } else {
    const m = promptMetadataSchema.safeParse(meta);
    if (!m.success) return ACK;
    contextId = m.data.contextId;
    channel = m.data.channel;
    locale = m.data.locale ?? locale;
  }
  // The hash names the step as shown, but stays the same after `errors`; with a digest of the
  // answers, a corrected resubmission is new while a redelivery of the same one is not.
  const values = viewValues(p.view);
  const digest = (await sha256Hex(JSON.stringify(values))).slice(0, 24);
  const deliveryId = `slack:view:${p.view.id}:${p.view.hash ?? ''}:${digest}`;
  if (!(await rt.isNew(deliveryId))) return ACK;

  const target: ReplyTarget = channel ? { kind: 'ephemeral', channel, user: actor.userId } : { kind: 'user', user: actor.userId };
  const pending = rt.deps.engine.handle({
    kind: 'submission',
    actor,
    conversation: { id: channel ?? actor.userId, isDirect: !channel },
    formId: callback.formId,
    contextId,
    ...(callback.kind === 'form' ? { stepId: callback.stepId } : {}),
    values,
  });
  const late = Symbol('late');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failure: unknown = null;
  const first = await Promise.race([
    pending,
    new Promise<typeof late>((r) => {
      timer = setTimeout(() => r(late), (rt.waits ?? SLACK_WAITS).submissionBudgetMs);
    }),
  ]).catch((err) => {
    failure = err;
    return null;
  });
  clearTimeout(timer);
  if (first === null) {
    // Nothing was saved, so this attempt does not count as handled: pressing the button again
    // with the same answers (same view hash, same digest) must run, not be dropped as a repeat.
    if (failure instanceof AppError) rt.log.warn('slack.submission_refused', { kind: failure.kind, code: failure.code });
    else rt.log.error('slack.submission_failed', { err: failure });
    await rt.forget(deliveryId).catch((err) => rt.log.error('slack.dedupe_forget_failed', { err }));
    return { body: failedSubmission(p.view, failure instanceof AppError ? failure.message : t(locale, 'security.error.retryModal')) };
  }
  if (first === late) {
    // Too slow for the modal: close it and say the outcome in a DM once the engine is done.
    return {
      body: { response_action: 'clear' },
      later: afterAck(rt, 'submission.late', target, async () => rt.responder.deliver((await pending).replies, target)),
    };
  }
  const { body, rest } = submissionResponse(first, p.view, channel);
  return { body, ...(rest.length ? { later: afterAck(rt, 'submission', target, () => rt.responder.deliver(rest, target)) } : {}) };
}
