import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../domain/messages';
import { createTestApp, type TestApp } from '../support/harness';
import { allText, PlaygroundClient } from '../support/playground-client';

let t: TestApp;
afterEach(async () => t?.close());

async function home(as: string): Promise<Reply[]> {
  const res = await t.app.request(`/playground/api/home?as=${as}&tz=America/New_York`);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

describe('home', () => {
  it("shows open calls with the deadline in the person's zone, their application, and what waits for reviewers", async () => {
    t = await createTestApp();
    expect(allText(await home('reviewer'))).toMatch(/Nothing is waiting for a decision/);
    const a = new PlaygroundClient(t.app, 'pia');
    await a.submit(await a.fillForm(await a.say('apply')), {});

    const applicant = allText(await home('pia'));
    expect(applicant).toMatch(/Application CD-2023-0001/);
    expect(applicant).toMatch(/Firearms: Waiting for review/);
    expect(applicant).toMatch(/12 February 2023, 18:00/); // midnight Vienna is 18:00 in New York
    expect(applicant).not.toMatch(/For reviewers/);
    expect(allText(await home('reviewer'))).toMatch(/2 decisions waiting/);
  });
});
