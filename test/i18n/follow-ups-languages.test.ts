/**
 * The related questions under an answer are buttons a French or Spanish reader clicks: they are
 * worded as the FAQ entry in the reader's language, not in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { QUESTION_ACTIONS } from '../../domain/actions';
import { t as tr } from '../../domain/i18n';
import { createTestApp, type TestApp } from '../support/harness';
import { PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

describe('related questions under an answer', () => {
  for (const [locale, name, question] of [
    ['fr', 'marie', 'Faut-il avoir le statut ECOSOC pour participer ?'],
    ['es', 'lucia', '¿Necesitamos estatus consultivo ante el ECOSOC para participar?'],
    ['en', 'amina', 'Do we need ECOSOC status to take part?'],
  ] as const) {
    it(`are asked in the reader's language (${locale})`, async () => {
      t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
      const me = new PlaygroundClient(t.app, name);
      const result = await me.say(question);
      const more = result.replies.find((r) => r.kind === 'card' && r.card.title === tr(locale, 'questions.answer.more'));
      expect(more, 'a card of related questions').toBeDefined();
      const buttons = more?.kind === 'card' ? (more.card.actions ?? []) : [];
      expect(buttons.length).toBeGreaterThan(0);
      const faq = await t.deps.store.listFaq();
      for (const b of buttons) {
        expect(b.id).toBe(QUESTION_ACTIONS.ask);
        const entry = faq.find((f) => f.id === b.value);
        // The seed has every entry in French and Spanish.
        expect(b.label).toBe(locale === 'en' ? entry?.question : entry?.translations?.[locale]?.question);
      }
    });
  }
});
