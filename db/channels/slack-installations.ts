/**
 * The Slack adapter's installations port (bot/slack/workspaces.ts) on the installations table:
 * a workspace's token, decrypted only here; the first active workspace; removal on uninstall.
 */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../domain/clock';
import type { Atomic } from '../atomic';
import type { Database } from '../schema';
import type { TokenCipher } from '../secrets';
import { firstActiveSlackTeam, removeSlackTokens, slackTokenFor } from '../store/installations';

export function slackInstallations(db: Kysely<Database>, atomic: Atomic, cipher: TokenCipher, clock: Clock) {
  return {
    async lookup(teamId: string | null, enterpriseId: string | null) {
      const found = await slackTokenFor(db, cipher, teamId, enterpriseId);
      return found.kind === 'token'
        ? { kind: 'token' as const, token: found.token }
        : found.kind === 'refused'
          ? { kind: 'refused' as const, status: found.status }
          : { kind: 'none' as const };
    },
    firstActiveTeam: () => firstActiveSlackTeam(db),
    removed: (teamId: string, enterpriseId: string | null, reason: 'app_uninstalled' | 'tokens_revoked') =>
      removeSlackTokens(db, atomic, teamId, enterpriseId, reason, isoNow(clock)),
  };
}
