/** Talks to /playground/api as the browser page does, for end-to-end tests of the engine. */
import type { Hono } from 'hono';
import type { FormView, Reply } from '../../domain/messages';
import type { EngineResult, RawValues } from '../../bot/core/types';

export const FIXTURE_STEPS: Record<string, RawValues> = {
  dialogues: { dialogueIds: ['firearms', 'technical-assistance'], participation: 'in_person' },
  organisation: {
    organisationName: 'Women Against Small Arms Network',
    stakeholderType: 'ngo',
    organisationFocus: 'grassroots',
    country: 'KE',
    website: 'wasan.example.org',
    areasOfWork: 'Community violence reduction and survivor support in East Africa.',
  },
  relevance: {
    relevance_firearms: 'We document illicit small arms flows across borders in the region.',
    'relevance_technical-assistance': 'We train community paralegals and need capacity building.',
  },
  representatives: {
    rep1_name: 'Amina Wanjiru',
    rep1_gender: 'female',
    rep1_email: 'amina@wasan.example.org',
    rep1_role: 'Director',
    rep1_nationality: 'KE',
  },
  travel: { travelSupport: 'yes', travelJustification: 'We are a volunteer-run grassroots network without a travel budget.' },
  consent: { consent: 'true' },
};

export class PlaygroundClient {
  constructor(
    readonly app: Hono,
    readonly as: string,
    readonly timeZone = 'Africa/Nairobi',
  ) {}

  async send(event: Record<string, unknown>): Promise<EngineResult> {
    const res = await this.app.request('/playground/api/event', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: this.as, timeZone: this.timeZone, event }),
    });
    if (res.status !== 200) throw new Error(`playground ${res.status}: ${await res.text()}`);
    return (await res.json()) as EngineResult;
  }

  say(text: string) {
    return this.send({ kind: 'message', text });
  }

  click(actionId: string, value?: string) {
    return this.send({ kind: 'action', actionId, ...(value !== undefined ? { value } : {}) });
  }

  submit(form: FormView, values: RawValues) {
    return this.send({ kind: 'submission', formId: form.formId, contextId: form.draftId, stepId: form.stepId, values });
  }

  async feed(): Promise<{ purpose: string; to: string; replies: Reply[] }[]> {
    const res = await this.app.request(`/playground/api/feed?as=${encodeURIComponent(this.as)}`);
    return ((await res.json()) as { messages: { purpose: string; to: string; replies: Reply[] }[] }).messages;
  }

  /** Fills every step with FIXTURE_STEPS (overridden by `values`) until the summary. */
  async fillForm(start: EngineResult, values: Record<string, RawValues> = {}): Promise<FormView> {
    let form = formOf(start);
    for (let i = 0; i < 12 && form.stepId !== 'confirm'; i++) {
      const step = { ...FIXTURE_STEPS[form.stepId], ...values[form.stepId] };
      const next = await this.submit(form, step);
      if (next.fieldErrors) throw new Error(`step ${form.stepId}: ${JSON.stringify(next.fieldErrors)}`);
      form = formOf(next);
    }
    return form;
  }
}

export function formOf(result: EngineResult): FormView {
  const r = result.replies.find((x) => x.kind === 'form');
  if (!r || r.kind !== 'form') throw new Error(`no form in ${JSON.stringify(result.replies).slice(0, 500)}`);
  return r.form;
}

export function allText(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.kind === 'text') return r.text;
      if (r.kind === 'card')
        return [
          r.card.title,
          r.card.subtitle,
          r.card.text,
          ...(r.card.fields ?? []).map((f) => `${f.label}: ${f.value}`),
          ...(r.card.sections ?? []).map((s) => s.text),
        ].join('\n');
      if (r.kind === 'form') return r.form.title;
      return r.prompt.title;
    })
    .join('\n');
}

export function actionsOf(replies: Reply[]) {
  return replies.flatMap((r) =>
    r.kind === 'card' ? [...(r.card.sections ?? []).flatMap((s) => s.actions ?? []), ...(r.card.actions ?? [])] : [],
  );
}
