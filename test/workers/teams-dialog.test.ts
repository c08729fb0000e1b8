/**
 * The Teams dialog's web form inside workerd: the link token's HKDF key and HS256 signature use
 * Web Crypto only, and the page and its API run on D1 like everything else.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDialogTokens } from '../../bot/teams/dialog-token';
import type { DialogAnswer } from '../../bot/teams/dialog';
import { request } from './support';

describe('Teams dialog web form on Workers', () => {
  it('shows the first step for a signed link, takes a step, and refuses a forged link', async () => {
    const grant = {
      actor: {
        platform: 'teams' as const,
        userId: 'aaaaaaaa-1111-2222-3333-444444444444',
        scope: 'tenant-workers',
        displayName: 'Adele Vance',
      },
      conversation: { id: 'a:workers-personal', serviceUrl: env.TEAMS_SERVICE_URL as string, personal: true },
    };
    const token = await createDialogTokens(env.TEAMS_APP_PASSWORD as string).sign(grant);
    const page = await request(`/teams/dialog/apply?t=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const state = JSON.parse(/<script type="application\/json" id="state">([^<]*)<\/script>/.exec(html)![1]!) as { answer: DialogAnswer };
    const form = state.answer.form!;
    expect(form.stepId).toBe('dialogues');

    const next = await request('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        formId: form.formId,
        draftId: form.draftId,
        stepId: form.stepId,
        values: { dialogueIds: ['firearms'], participation: 'online' },
      }),
    });
    expect(next.status).toBe(200);
    expect(((await next.json()) as DialogAnswer).form?.stepId).toBe('organisation');

    const forged = await createDialogTokens('not-the-app-password').sign(grant);
    expect((await request(`/teams/dialog/apply?t=${encodeURIComponent(forged)}`)).status).toBe(401);
  });
});
