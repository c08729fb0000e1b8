/**
 * The guided application: open (or reopen) the person's application for the open call, take
 * one step at a time, save after every step, and submit from the summary.
 *
 * A draft's answers live on the application row. While a submitted application is being edited,
 * the edited answers live in the conversation state instead, so reviewers keep seeing what was
 * submitted until the applicant confirms the edit.
 */
import {
  firstIncompleteStepId,
  formView,
  nextStepId,
  previousStepId,
  stepById,
  validateApplication,
  type FormContext,
} from '../../domain/form';
import { callState, describeDeadline, openCalls } from '../../domain/calls';
import { regionalGroupOf } from '../../domain/countries';
import { reviewCardMessages, reviewVersion } from '../../domain/notifications';
import { reviewContext } from './review-context';
import type { Application, ApplicationAnswers, Call } from '../../domain/types';
import type { Reply } from '../../domain/messages';
import { actorKey, actorRef, emailCopyTo, loadCatalog, personOf, reviewChannels, type Catalog, type EngineDeps } from './context';
import { parseFormBackValue } from '../../domain/actions';
import { closedCallReplies, confirmationReplies, say, statusCard } from './replies';
import type { Actor, EngineResult, RawValues } from './types';
import { t } from '../../domain/i18n';
import { langOf } from './language';

interface EditState {
  editing: { applicationId: string; answers: Partial<ApplicationAnswers> };
}

const editKey = (actor: Actor) => `edit:${actorKey(actor)}`;

function formContext(catalog: Catalog, call: Call, now: Date, actor: Actor): FormContext {
  return { dialogues: catalog.dialogues, calls: catalog.calls, now, callId: call.id, locale: langOf(actor) };
}

/** "apply" from any surface: the step to fill next, or what to do instead. */
export async function openForm(deps: EngineDeps, actor: Actor): Promise<EngineResult> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const open = openCalls(catalog.calls, now);
  // An application already started for any open call takes precedence over starting another.
  let call: Call | undefined;
  let app: Application | null = null;
  for (const c of open) {
    app = await deps.store.findForPerson(person.id, c.id);
    if (app) {
      call = c;
      break;
    }
  }
  call ??= open[0];
  if (!call) return { replies: closedCallReplies(catalog, now, actor.timeZone, langOf(actor)) };

  if (app?.status === 'withdrawn') {
    return say(t(langOf(actor), 'apply.form.withdrawnApply', { reference: app.reference ?? '', contact: catalog.contact }));
  }
  if (app?.status === 'submitted') {
    return { replies: [{ kind: 'text', text: t(langOf(actor), 'apply.form.alreadyApplied') }, statusCard(app, catalog, now, actor)] };
  }
  app ??= await deps.store.openDraft({ callId: call.id, personId: person.id, platform: actor.platform, now: now.toISOString() });
  const ctx = formContext(catalog, call, now, actor);
  const stepId = app.currentStep ?? firstIncompleteStepId(app.answers, ctx);
  return { replies: [{ kind: 'form', form: formView(stepId, app.id, app.answers, ctx) }] };
}

/** "edit": reopens a submitted application at its first step, prefilled. */
export async function startEdit(deps: EngineDeps, actor: Actor, applicationId?: string): Promise<EngineResult> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const app = applicationId
    ? await deps.store.get(applicationId)
    : ((await deps.store.listForPerson(person.id)).find((a) => a.status === 'submitted') ?? null);
  if (!app || app.personId !== person.id) return say(t(langOf(actor), 'apply.form.noneToEdit'));
  if (app.status === 'draft') return openForm(deps, actor);
  if (app.status === 'withdrawn') return say(t(langOf(actor), 'apply.form.withdrawnEdit', { reference: app.reference ?? '' }));
  const call = catalog.calls.find((c) => c.id === app.callId);
  if (!call || callState(call, now) !== 'open') {
    return say(
      [
        t(langOf(actor), 'apply.form.closedEdit', { reference: app.reference ?? '' }),
        ...(call ? [describeDeadline(call, now, null, langOf(actor)).sentence] : []),
      ].join(' '),
    );
  }
  const state: EditState = { editing: { applicationId: app.id, answers: app.answers } };
  await deps.store.setState(editKey(actor), state, now.toISOString());
  const ctx = formContext(catalog, call, now, actor);
  return { replies: [{ kind: 'form', form: formView(firstIncompleteStepId({}, ctx), app.id, app.answers, ctx) }] };
}

/**
 * "Back" on a form step: the step before it, with everything saved so far. What was typed on the
 * step being left is not saved (it has not been checked); the draft and its place stay as they were.
 */
export async function stepBack(deps: EngineDeps, actor: Actor, value: string | undefined): Promise<EngineResult> {
  const back = parseFormBackValue(value);
  if (!back) return say(t(langOf(actor), 'apply.form.buttonInvalid'));
  const { draftId, stepId } = back;
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const app = await deps.store.get(draftId);
  if (!app || app.personId !== person.id || app.status === 'withdrawn') return say(t(langOf(actor), 'apply.form.expired'));
  const call = catalog.calls.find((c) => c.id === app.callId);
  if (!call || callState(call, now) !== 'open') return { replies: closedCallReplies(catalog, now, actor.timeZone, langOf(actor)) };
  const editing = app.status === 'submitted' ? (await deps.store.getState<EditState>(editKey(actor)))?.editing : undefined;
  if (app.status === 'submitted' && editing?.applicationId !== app.id) return say(t(langOf(actor), 'apply.form.useEdit'));
  const answers = editing?.answers ?? app.answers;
  const ctx = formContext(catalog, call, now, actor);
  const previous = previousStepId(stepId, answers, ctx) ?? firstIncompleteStepId({}, ctx);
  return { replies: [{ kind: 'form', form: formView(previous, app.id, answers, ctx) }] };
}

/** One step of the form came back. */
export async function submitStep(
  deps: EngineDeps,
  actor: Actor,
  draftId: string,
  stepId: string | undefined,
  values: RawValues,
): Promise<EngineResult> {
  const now = deps.clock.now();
  const catalog = await loadCatalog(deps.store);
  const person = await personOf(deps, actor);
  const app = await deps.store.get(draftId);
  if (!app || app.personId !== person.id) return { ...say(t(langOf(actor), 'apply.form.expired')), closeForm: true };
  if (app.status === 'withdrawn')
    return { ...say(t(langOf(actor), 'apply.form.withdrawn', { reference: app.reference ?? '' })), closeForm: true };
  const call = catalog.calls.find((c) => c.id === app.callId);
  if (!call || callState(call, now) !== 'open') {
    return {
      replies: [
        { kind: 'text', text: t(langOf(actor), 'apply.form.savedButClosed') },
        ...closedCallReplies(catalog, now, actor.timeZone, langOf(actor)),
      ],
      closeForm: true,
    };
  }
  const editing = app.status === 'submitted' ? (await deps.store.getState<EditState>(editKey(actor)))?.editing : undefined;
  if (app.status === 'submitted' && editing?.applicationId !== app.id) {
    return { ...say(t(langOf(actor), 'apply.form.alreadyAppliedEdit')), closeForm: true };
  }
  const answers = editing?.answers ?? app.answers;
  const ctx = formContext(catalog, call, now, actor);

  if (stepId === 'confirm') return confirm(deps, actor, app, answers, call, catalog, ctx);

  const step = stepId ? stepById(stepId) : undefined;
  if (!step) return { replies: [{ kind: 'form', form: formView(firstIncompleteStepId(answers, ctx), app.id, answers, ctx) }] };
  const parsed = step.parse(values, answers, ctx);
  if (!parsed.ok) {
    return {
      replies: [{ kind: 'form', form: formView(step.id, app.id, answers, ctx, { raw: values, errors: parsed.errors }) }],
      fieldErrors: parsed.errors,
    };
  }
  const merged = { ...answers, ...parsed.patch };
  const next = nextStepId(step.id, merged, ctx);
  if (editing) {
    await deps.store.setState(
      editKey(actor),
      { editing: { applicationId: app.id, answers: merged } } satisfies EditState,
      now.toISOString(),
    );
  } else {
    await deps.store.saveStep({ id: app.id, answers: merged, currentStep: next, now: now.toISOString(), actorRef: actorRef(actor) });
  }
  return { replies: [{ kind: 'form', form: formView(next, app.id, merged, ctx) }] };
}

async function confirm(
  deps: EngineDeps,
  actor: Actor,
  app: Application,
  answers: Partial<ApplicationAnswers>,
  call: Call,
  catalog: Catalog,
  ctx: FormContext,
): Promise<EngineResult> {
  const valid = validateApplication(answers, ctx);
  if (!valid.ok) {
    const form = formView(valid.stepId, app.id, answers, ctx, { errors: valid.errors });
    return {
      replies: [
        { kind: 'text', text: t(langOf(actor), 'apply.form.needsAttention') },
        { kind: 'form', form },
      ],
    };
  }
  const channels = await reviewChannels(deps, call.id);
  const now = deps.clock.now();
  const context = await reviewContext(deps, { ...app, answers: valid.answers, dialogues: [] });
  // Whoever applied on the web, or asked for email, keeps the confirmation in their mailbox.
  const copyTo = await emailCopyTo(deps.store, app.personId, actor.platform);
  const first = app.status === 'draft';
  const result = await deps.store.submit({
    id: app.id,
    answers: valid.answers,
    regionalGroup: regionalGroupOf(valid.answers.country) ?? 'Other',
    now: now.toISOString(),
    actorRef: actorRef(actor),
    messages: (submitted) => [
      ...reviewCardMessages(submitted, catalog.dialogues, [], channels, deps.reviewZone, context),
      ...(copyTo
        ? [
            {
              recipient: copyTo,
              purpose: 'confirmation' as const,
              replies: confirmationReplies(submitted, call, catalog, now, actor, first),
              dedupeKey: `confirmation:${submitted.id}:v${reviewVersion(submitted)}`,
            },
          ]
        : []),
    ],
  });
  await deps.store.clearState(editKey(actor));
  if (!result.ok) {
    const current = await deps.store.get(app.id);
    const replies: Reply[] =
      result.reason === 'already_submitted' && current
        ? [
            { kind: 'text', text: t(langOf(actor), 'apply.form.duplicate', { reference: current.reference ?? '' }) },
            statusCard(current, catalog, now, actor),
          ]
        : [{ kind: 'text', text: t(langOf(actor), 'apply.form.cannotSubmit') }];
    return { replies, closeForm: true };
  }
  deps.log.info('application_submitted', { applicationId: result.application.id, first: result.firstSubmission });
  return { replies: confirmationReplies(result.application, call, catalog, now, actor, result.firstSubmission), closeForm: true };
}
