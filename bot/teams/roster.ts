/**
 * Who may decide from Teams, per application: a person on TEAMS_REVIEWERS or on the admin
 * panel's list, or a member of the team whose channel the application's card went to. The
 * roster comes from the connector and is kept for a few minutes, so a burst of clicks costs one
 * call and someone removed from the team loses the right soon after.
 */
import type { Recipient } from '../../domain/messages';
import type { ReviewerLists, TeamsConversations } from '../../domain/channel-ports';
import type { Actor } from '../core/types';
import type { ConnectorClient } from './client';
import { errorMessage } from '../../lib/errors';

export const ROSTER_TTL_MS = 5 * 60 * 1000;

export interface RosterOptions {
  conversations: TeamsConversations;
  reviewerLists: ReviewerLists;
  client: ConnectorClient | null;
  envReviewers: string[];
  defaultServiceUrl: string;
  log: { warn(msg: string, fields?: Record<string, unknown>): void };
  now?: () => number;
}

export function createReviewerCheck(opts: RosterOptions): (actor: Actor, channels: Recipient[]) => Promise<boolean> {
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { members: Set<string>; at: number }>();
  const env = new Set(opts.envReviewers.map((id) => id.toLowerCase()));

  async function membersOf(channel: string): Promise<Set<string>> {
    const known = await opts.conversations.find(channel);
    // A channel's roster is its team's; the team id, when the bot saw it, is the surer address.
    const target = known?.teamId ?? channel;
    const hit = cache.get(target);
    if (hit && now() - hit.at < ROSTER_TTL_MS) return hit.members;
    const ids = await opts.client!.members(known?.serviceUrl || opts.defaultServiceUrl, target);
    const members = new Set(ids.map((id) => id.toLowerCase()));
    cache.set(target, { members, at: now() });
    return members;
  }

  return async (actor, channels) => {
    if (actor.platform !== 'teams') return false;
    const id = actor.userId.toLowerCase();
    if (env.has(id)) return true;
    if (await opts.reviewerLists.isListed('teams', [id, actor.userId])) return true;
    if (!opts.client) return false;
    for (const channel of channels) {
      if (channel.platform !== 'teams') continue;
      try {
        if ((await membersOf(channel.address)).has(id)) return true;
      } catch (err) {
        // Unknown membership is "no": deciding must not be granted by accident.
        opts.log.warn('teams.roster_failed', { err: errorMessage(err) });
      }
    }
    return false;
  };
}
