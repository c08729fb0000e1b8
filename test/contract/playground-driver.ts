/**
 * The contract driver for the playground: its JSON API as the browser page calls it, the
 * applicant and the reviewer as two names, and the feed for what the outbox delivered.
 */
import type { RawValues } from '../../bot/core/types';
import type { FormView, Reply } from '../../domain/messages';
import { createTestApp } from '../support/harness';
import { actionsOf, allText, PlaygroundClient } from '../support/playground-client';
import type { ContractDriver, DriverFactory, ReviewCard, Sent, Step, Verb } from './driver';

const VERBS: Record<Verb, string> = { approve: 'review.approve', reject: 'review.reject', request_info: 'review.request_info' };
const CARD_PURPOSES = new Set(['review_card', 'review_card_update']);

function stepOf(form: FormView, errors: Record<string, string> = {}): Step {
  const values = Object.fromEntries(form.fields.filter((f) => f.value !== undefined).map((f) => [f.id, f.value as string | string[]]));
  const text = [form.title, form.intro ?? '', ...(form.summary ?? []).map((s) => `${s.label}: ${s.value}`)].join('\n');
  return { id: form.stepId, errors, values, text };
}

function formIn(replies: Reply[]): FormView | null {
  const r = replies.find((x) => x.kind === 'form');
  return r?.kind === 'form' ? r.form : null;
}

export const playground: DriverFactory = {
  platform: 'playground',
  async start(): Promise<ContractDriver> {
    const t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
    const applicant = new PlaygroundClient(t.app, 'amina');
    const reviewer = new PlaygroundClient(t.app, 'reviewer');
    let form: FormView | null = null;
    // The page shows direct answers and the feed alike: both count as sent to the applicant.
    const direct: string[] = [];
    const answered = (replies: Reply[]) => {
      const text = allText(replies);
      if (replies.some((r) => r.kind === 'text' || r.kind === 'card')) direct.push(text);
      return text;
    };

    const cards = async () => (await reviewer.feed()).filter((m) => CARD_PURPOSES.has(m.purpose));

    const driver: ContractDriver = {
      platform: 'playground',
      t,
      redeliverLastQuestion: null,
      async ask(text) {
        return answered((await applicant.say(text)).replies);
      },
      async apply() {
        form = formIn((await applicant.say('apply')).replies);
        if (!form) throw new Error('no form after "apply"');
        return stepOf(form);
      },
      async fill(values: RawValues) {
        // The page sends what its inputs hold: the values shown, with these typed over them.
        const result = await applicant.submit(form!, { ...stepOf(form!).values, ...values });
        form = formIn(result.replies) ?? form;
        return stepOf(form!, result.fieldErrors ?? {});
      },
      async back() {
        const back = form!.back;
        if (!back) throw new Error(`no Back on ${form!.stepId}`);
        form = formIn((await applicant.click(back.id, back.value)).replies);
        return stepOf(form!);
      },
      async confirm() {
        const done = await applicant.submit(form!, {});
        form = null;
        return answered(done.replies);
      },
      async deliver() {
        await t.drainOutbox();
      },
      async applicantInbox() {
        return (await applicant.feed()).filter((m) => m.to === 'amina').map((m) => allText(m.replies));
      },
      async reviewCard(): Promise<ReviewCard | null> {
        const last = (await cards()).at(-1);
        if (!last) return null;
        const buttons = actionsOf(last.replies)
          .filter((a) => a.id.startsWith('review.'))
          .map((a) => `${a.id.slice('review.'.length)}|${String(a.value).split('|')[1]}`);
        return { text: allText(last.replies), buttons };
      },
      async decide(who, verb, dialogue, reason) {
        const card = (await cards()).find((m) => m.purpose === 'review_card');
        const button = card && actionsOf(card.replies).find((a) => a.id === VERBS[verb] && String(a.value).endsWith(`|${dialogue}`));
        if (!button) throw new Error(`no ${verb} button for ${dialogue}`);
        const by = who === 'reviewer' ? reviewer : applicant;
        const clicked = await by.click(button.id, button.value);
        const prompt = clicked.replies.find((r) => r.kind === 'prompt');
        if (prompt?.kind !== 'prompt' || reason === undefined) return allText(clicked.replies);
        const answered = await by.send({
          kind: 'submission',
          formId: prompt.prompt.formId,
          contextId: prompt.prompt.contextId,
          values: { text: reason },
        });
        return [allText(answered.replies), ...Object.values(answered.fieldErrors ?? {})].join('\n');
      },
      async sent(): Promise<Sent[]> {
        const toApplicant = (await applicant.feed()).filter((m) => m.to === 'amina');
        const toChannel = (await reviewer.feed()).filter((m) => m.to !== 'reviewer');
        return [
          ...direct.map((text) => ({ to: 'applicant' as const, kind: 'post' as const, message: '', text })),
          ...toApplicant.map((m) => ({ to: 'applicant' as const, kind: 'post' as const, message: '', text: allText(m.replies) })),
          ...toChannel.map((m) => ({
            to: 'reviewers' as const,
            kind: m.purpose.endsWith('_update') ? ('update' as const) : ('post' as const),
            message: '',
            text: allText(m.replies),
          })),
        ];
      },
      close: () => t.close(),
    };
    return driver;
  },
};
