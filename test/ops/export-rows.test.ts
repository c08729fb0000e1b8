import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatches, HEADER } from '../../admin/export/rows';
import { createTestApp, type TestApp } from '../support/harness';
import { applyAndDecide } from './burst';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

async function allRows(): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for await (const batch of exportBatches(t.deps.db, {})) {
    for (const cells of batch) out.set(cells[1]!, Object.fromEntries(HEADER.map((h, i) => [h, cells[i]!])));
  }
  return out;
}

describe('export rows, computed by SQLite', () => {
  it('carry the answers, dialogues and representatives as the cells always read', async () => {
    const app = await applyAndDecide(t.deps.store, 1, () => t.clock.now().toISOString());
    const row = (await allRows()).get(app.id)!;
    expect(row).toMatchObject({
      Reference: 'CD-2023-0001',
      Status: 'submitted',
      Organisation: 'Small Arms Survey 1',
      'Stakeholder type': expect.stringMatching(/NGO/),
      'ECOSOC status': 'No',
      Country: 'CH',
      'UN regional group': 'Western European and other States',
      Website: 'https://example.org',
      'Organisation focus': 'none',
      'Areas of work': 'Research on illicit arms flows',
      Participation: 'online',
      'Travel support': 'No',
      'Travel justification': '',
      'Dialogues and review status': 'Firearms: approved; Technical Assistance: pending',
      Relevance: 'Firearms: We study them\nTechnical Assistance: We train officers',
      Representatives: 'Ana Ruiz 1 (Director; CH; ana1@example.org)\nBen Okafor 1 (Researcher; NG; ben1@example.org)',
      'Representatives\u2019 genders': 'Female; Male',
      Platform: 'slack',
    });
  });

  it('a row whose answers are not JSON still exports its columns', async () => {
    const app = await applyAndDecide(t.deps.store, 2, () => t.clock.now().toISOString());
    await t.deps.db.updateTable('applications').set({ answers: '{not json' }).where('id', '=', app.id).execute();
    const row = (await allRows()).get(app.id)!;
    expect(row).toMatchObject({
      Reference: 'CD-2023-0001',
      Organisation: 'Small Arms Survey 2',
      Website: '',
      Relevance: '',
      'Representatives\u2019 genders': 'Female; Male',
    });
  });
});
