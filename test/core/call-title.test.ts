/**
 * A call's title in the person's language: carried by the catalogue (seeded from the call's own
 * data, stored with the call) and shown on the home card in French and Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../domain/messages';
import { callTitle } from '../../domain/localized';
import { createTestApp, type TestApp } from '../support/harness';
import { PlaygroundClient } from '../support/playground-client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2023-01-20T09:00:00Z' });
});
afterAll(async () => t?.close());

describe('call titles in three languages', () => {
  it('are stored with the call and read back', async () => {
    const [call] = await t.deps.store.listCalls();
    expect(call?.translations?.fr?.title).toBe('Dialogues constructifs sur les armes à feu et l’assistance technique 2023');
    expect(callTitle(call!, 'es')).toBe('Diálogos constructivos sobre armas de fuego y asistencia técnica 2023');
    expect(callTitle(call!, 'en')).toBe('Constructive Dialogues on Firearms and Technical Assistance 2023');
  });

  it('name the open call on the home card of someone who writes French', async () => {
    await new PlaygroundClient(t.app, 'home-fr').say('Bonjour, quelle est la date limite ?');
    const res = await t.app.request('/playground/api/home?as=home-fr');
    const { replies } = (await res.json()) as { replies: Reply[] };
    const titles = replies.flatMap((r) => (r.kind === 'card' ? [r.card.title] : []));
    expect(titles).toContain('Dialogues constructifs sur les armes à feu et l’assistance technique 2023');
  });

  it('fall back to the English title without a translation', () => {
    expect(callTitle({ title: 'Only English', translations: {} }, 'fr')).toBe('Only English');
  });
});
