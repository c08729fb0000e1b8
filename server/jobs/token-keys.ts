/**
 * After SLACK_TOKEN_KEY changes (with the old key in SLACK_TOKEN_KEY_PREVIOUS), seals the
 * installed workspaces' tokens again with the new key on the next scheduled run. Nothing to do
 * without a previous key, or once every row is sealed with the current one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { resealSlackTokens } from '../../db/store/installations';
import type { Config } from '../config';
import type { Logger } from '../log';
import { installationCipher } from '../slack-install';

export async function resealTokens(config: Config, db: Kysely<Database>, log: Logger): Promise<number> {
  if (!config.slackOAuth) return 0;
  const cipher = installationCipher(config);
  if (!cipher?.rotating) return 0;
  // Real time, as for the installations themselves: DIALOGUES_CLOCK may run the product in 2023.
  const resealed = await resealSlackTokens(db, cipher, new Date().toISOString());
  if (resealed > 0) log.info('tokens_resealed', { count: resealed, hint: 'SLACK_TOKEN_KEY_PREVIOUS can be removed once no row needs it' });
  return resealed;
}
