/**
 * Teams announces an installation twice (installationUpdate "add" and conversationUpdate with the
 * bot in membersAdded) and a removal twice. The welcome goes out once per installation, never on
 * removal or upgrade, and again after the app is removed and installed anew.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotFramework } from '../fakes/bot-framework';
import { activity, rig, type Rig } from './support';

let fake: FakeBotFramework;
beforeAll(async () => {
  fake = await FakeBotFramework.start();
});
afterAll(() => fake.stop());

describe('Teams welcome', () => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(fake);
    fake.reset();
  });
  afterEach(() => r.close());

  const deliver = async (...names: string[]) => {
    for (const name of names) expect((await r.post(activity(name, fake))).status).toBe(200);
    await r.settle();
  };
  const welcomes = () => fake.sent().filter((c) => c.body.text === 'Welcome');

  it('both install events, in either order and redelivered, welcome once', async () => {
    await deliver('installation_update_add_personal', 'conversation_update_bot_added_personal', 'installation_update_add_personal');
    expect(welcomes()).toHaveLength(1);
    expect(welcomes()[0]).toMatchObject({ method: 'POST', conversationId: 'a:1xYzPersonalConversationId' });
  });

  it('removal and upgrades send nothing; a new installation after removal is welcomed again', async () => {
    await deliver('conversation_update_bot_added_personal', 'installation_update_add_personal');
    await deliver('installation_update_upgrade_personal');
    await deliver('installation_update_remove_personal', 'conversation_update_bot_removed_personal');
    expect(welcomes()).toHaveLength(1);
    expect(fake.sent()).toHaveLength(1);

    await deliver('installation_update_add_personal', 'conversation_update_bot_added_personal');
    expect(welcomes()).toHaveLength(2);
  });
});
