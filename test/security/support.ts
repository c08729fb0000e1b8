/**
 * Shared by the security tests: an application submitted by a chat user through the engine (what
 * the Slack and Teams adapters call after parsing), and helpers to read what was delivered.
 */
import type { Actor, EngineResult, RawValues } from '../../bot/core/types';
import type { FormView } from '../../domain/messages';
import type { TestApp } from '../support/harness';
import { FIXTURE_STEPS, formOf } from '../support/playground-client';

/** Fills and confirms the application form as `actor`; returns the application id and reference. */
export async function submitAs(
  t: TestApp,
  actor: Actor,
  values: Record<string, RawValues> = {},
): Promise<{ id: string; reference: string }> {
  const conversation = { id: `dm:${actor.userId}`, isDirect: true };
  const known = new Set((await t.deps.db.selectFrom('applications').select('id').execute()).map((r) => r.id));
  const handle = (e: Record<string, unknown>) => t.deps.engine.handle({ actor, conversation, ...e } as never) as Promise<EngineResult>;
  let form: FormView = formOf(await handle({ kind: 'message', text: 'apply' }));
  for (let i = 0; i < 12 && form.stepId !== 'confirm'; i++) {
    const next = await handle({
      kind: 'submission',
      formId: form.formId,
      contextId: form.draftId,
      stepId: form.stepId,
      values: { ...FIXTURE_STEPS[form.stepId], ...values[form.stepId] },
    });
    if (next.fieldErrors) throw new Error(`step ${form.stepId}: ${JSON.stringify(next.fieldErrors)}`);
    form = formOf(next);
  }
  const done = await handle({ kind: 'submission', formId: form.formId, contextId: form.draftId, stepId: form.stepId, values: {} });
  if (done.fieldErrors) throw new Error(`confirm: ${JSON.stringify(done.fieldErrors)}`);
  const rows = await t.deps.db.selectFrom('applications').select(['id', 'reference']).execute();
  const row = rows.find((r) => !known.has(r.id));
  if (!row) throw new Error('no new application');
  await t.drainOutbox();
  return { id: row.id, reference: row.reference ?? '' };
}

export const HOSTILE_ORG = 'Acme [Verify your account](https://evil.example/login) <https://evil.example|click> <!channel> *bold* _it_';
