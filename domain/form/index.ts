/**
 * The application form, defined once: its steps, their order, validation and read-only views.
 * Slack modals, Adaptive Cards and the playground all render the FormView built here.
 */
import type { CardAction, FormFieldView, FormView } from '../messages';
import type { ApplicationAnswers } from '../types';
import { FORM_BACK_ACTION, formBackValue } from '../actions';
import { AppError } from '../errors';
import { t, type Locale } from '../i18n';
import { list, localeOf } from './input';
import { dialoguesStep, organisationStep, relevanceFieldId, relevanceStep } from './steps-organisation';
import { consentStep, repFieldId, representativesStep, travelStep } from './steps-people';
import { summaryFields } from './summary';
import type { FormContext, RawValues, StepDef } from './types';

export type { FormContext, RawValues, StepDef } from './types';
export { summaryFields, reviewerFields } from './summary';
export { CONSENT_TEXT } from './steps-people';

export const FORM_ID = 'application';
export const CONFIRM_STEP_ID = 'confirm';

/** Every step in order; a step only counts when its `applies` says so. */
export const STEPS: StepDef[] = [dialoguesStep, organisationStep, relevanceStep, representativesStep, travelStep, consentStep];

/** Steps that apply to these answers, in order (not including 'confirm'). */
export function applicableSteps(answers: Partial<ApplicationAnswers>, ctx: FormContext): StepDef[] {
  return STEPS.filter((s) => s.applies(answers, ctx));
}

/** A step by id; undefined for 'confirm' and unknown ids. */
export function stepById(id: string): StepDef | undefined {
  return STEPS.find((s) => s.id === id);
}

/** The step after `currentStepId` that applies to `answers` (the first when null), else 'confirm'. */
export function nextStepId(currentStepId: string | null, answers: Partial<ApplicationAnswers>, ctx: FormContext): string {
  const start = currentStepId === null ? 0 : STEPS.findIndex((s) => s.id === currentStepId) + 1;
  if (currentStepId !== null && start === 0) return CONFIRM_STEP_ID;
  return STEPS.slice(start).find((s) => s.applies(answers, ctx))?.id ?? CONFIRM_STEP_ID;
}

/** The applicable step before `stepId` ('confirm' included), or null on the first step. */
export function previousStepId(stepId: string, answers: Partial<ApplicationAnswers>, ctx: FormContext): string | null {
  const steps = applicableSteps(answers, ctx);
  const index = stepId === CONFIRM_STEP_ID ? steps.length : steps.findIndex((s) => s.id === stepId);
  return index > 0 ? (steps[index - 1]?.id ?? null) : null;
}

function backAction(draftId: string, stepId: string, answers: Partial<ApplicationAnswers>, ctx: FormContext): { back?: CardAction } {
  return previousStepId(stepId, answers, ctx)
    ? { back: { id: FORM_BACK_ACTION, label: t(localeOf(ctx), 'form.back'), value: formBackValue(draftId, stepId) } }
    : {};
}

/** Raw values that prefill every step's fields from saved answers. */
export function toRaw(answers: Partial<ApplicationAnswers>): RawValues {
  const raw: RawValues = {};
  const set = (id: string, v: string | string[] | null | undefined) => {
    if (v !== undefined && v !== null) raw[id] = v;
  };
  set('dialogueIds', answers.dialogueIds ? [...answers.dialogueIds] : undefined);
  set('participation', answers.participation);
  set('organisationName', answers.organisationName);
  set('stakeholderType', answers.stakeholderType);
  set('organisationFocus', answers.organisationFocus);
  set('country', answers.country);
  set('website', answers.website);
  set('areasOfWork', answers.areasOfWork);
  for (const [id, text] of Object.entries(answers.relevance ?? {})) set(relevanceFieldId(id), text);
  (answers.representatives ?? []).forEach((r, i) => {
    const n = i + 1;
    set(repFieldId(n, 'name'), r.name);
    set(repFieldId(n, 'gender'), r.gender);
    set(repFieldId(n, 'email'), r.email);
    set(repFieldId(n, 'role'), r.role);
    set(repFieldId(n, 'nationality'), r.nationality);
  });
  if (answers.travelSupport !== undefined) set('travelSupport', answers.travelSupport ? 'yes' : 'no');
  set('travelJustification', answers.travelJustification);
  if (answers.consent) set('consent', 'true');
  return raw;
}

type Walk = { ok: true; answers: ApplicationAnswers } | { ok: false; stepId: string; errors: Record<string, string> };

// Steps are re-parsed in order against the answers cleaned so far, so a step that no longer
// applies (travel after switching to online) is skipped and its stale answers never carried over.
function walk(answers: Partial<ApplicationAnswers>, ctx: FormContext): Walk {
  const raw = toRaw(answers);
  let clean: Partial<ApplicationAnswers> = {};
  for (const step of STEPS) {
    if (!step.applies(clean, ctx)) continue;
    const result = step.parse(raw, clean, ctx);
    if (!result.ok) return { ok: false, stepId: step.id, errors: result.errors };
    clean = { ...clean, ...result.patch };
  }
  if (clean.travelSupport === undefined) clean = { ...clean, travelSupport: false, travelJustification: null };
  return { ok: true, answers: clean as ApplicationAnswers };
}

/**
 * Checks a whole application. On success the answers are cleaned: trimmed, normalised, and
 * without answers to steps that no longer apply. On failure, the first failing step and its errors.
 */
export function validateApplication(answers: Partial<ApplicationAnswers>, ctx: FormContext): Walk {
  return walk(answers, ctx);
}

/** Where to resume a draft: the first step whose saved answers do not pass, else 'confirm'. */
export function firstIncompleteStepId(answers: Partial<ApplicationAnswers>, ctx: FormContext): string {
  const result = walk(answers, ctx);
  return result.ok ? CONFIRM_STEP_ID : result.stepId;
}

function fieldValue(field: FormFieldView, raw: RawValues): string | string[] | undefined {
  const v = raw[field.id];
  if (v === undefined) return undefined;
  if (field.kind === 'multiselect') return list(raw, field.id);
  return Array.isArray(v) && field.kind !== 'checkbox' ? v[0] : v;
}

/**
 * One step of the form, or 'confirm' (the summary to submit), ready to render. Field values come
 * from `opts.raw` when given (re-showing what was sent, with `opts.errors`), else from `answers`.
 */
export function formView(
  stepId: string,
  draftId: string,
  answers: Partial<ApplicationAnswers>,
  ctx: FormContext,
  opts: { raw?: RawValues; errors?: Record<string, string> } = {},
): FormView {
  // "of N" stays the same from the first step to the last: N counts every step the form may ask,
  // and a step that does not apply to these answers (travel support) is skipped, not renumbered.
  const stepCount = STEPS.length + 1;
  const l: Locale = localeOf(ctx);
  if (stepId === CONFIRM_STEP_ID) {
    // The summary shows what submitting will send: answers to steps that no longer apply
    // (travel support after switching to online) are dropped, as they will be on submit.
    const valid = walk(answers, ctx);
    return {
      formId: FORM_ID,
      draftId,
      stepId,
      locale: l,
      title: t(l, 'form.confirm.title'),
      intro: t(l, 'form.confirm.intro'),
      stepNumber: stepCount,
      stepCount,
      fields: [],
      submitLabel: t(l, 'form.submit'),
      summary: summaryFields(valid.ok ? valid.answers : answers, ctx.dialogues, l),
      ...backAction(draftId, stepId, answers, ctx),
    };
  }
  const step = stepById(stepId);
  if (!step) throw new AppError('invalid', 'unknown_step', t(l, 'form.unknownStep'));
  const raw = opts.raw ?? toRaw(answers);
  const errors = opts.errors ?? {};
  const fields = step.fields(answers, ctx).map((f): FormFieldView => {
    const value = fieldValue(f, raw);
    const error = errors[f.id];
    return { ...f, ...(value !== undefined ? { value } : {}), ...(error ? { error } : {}) };
  });
  return {
    formId: FORM_ID,
    draftId,
    stepId,
    locale: l,
    title: step.title(l),
    ...(step.intro ? { intro: step.intro(l) } : {}),
    stepNumber: STEPS.indexOf(step) + 1,
    stepCount,
    fields,
    submitLabel: t(l, 'form.next'),
    ...backAction(draftId, stepId, answers, ctx),
  };
}
