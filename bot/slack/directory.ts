/**
 * Lookups against Slack that change rarely, cached in memory: a user's name and time zone (1 h),
 * DM channel ids (they never change), and reviewer channel members (5 min, so that someone
 * removed from the channel loses the right to decide soon after).
 */
import * as z from 'zod';
import type { SlackClient } from './client';

const PROFILE_TTL_MS = 60 * 60 * 1000;
const MEMBERS_TTL_MS = 5 * 60 * 1000;
const MEMBER_PAGES_MAX = 20;

const usersInfoSchema = z.looseObject({
  user: z.looseObject({
    tz: z.string().optional(),
    // Only present when asked for with include_locale=true: "fr-FR", "es-LA", "en-US".
    locale: z.string().max(35).optional().catch(undefined),
    real_name: z.string().optional(),
    is_bot: z.boolean().optional(),
    is_email_confirmed: z.boolean().optional(),
    profile: z
      .looseObject({ display_name: z.string().optional(), real_name: z.string().optional(), email: z.string().max(254).optional() })
      .optional(),
  }),
});
const openSchema = z.looseObject({ channel: z.looseObject({ id: z.string().min(1) }) });
const membersSchema = z.looseObject({
  members: z.array(z.string()),
  response_metadata: z.looseObject({ next_cursor: z.string().optional() }).optional(),
});

export interface Profile {
  displayName?: string;
  timeZone?: string;
  /** Slack's locale for the user ("fr-FR"): the language to write in unless they chose one. */
  locale?: string;
  /** With users:read.email; only an address Slack says is confirmed is kept (it links identities). */
  email?: string;
  emailVerified?: boolean;
}

export interface Directory {
  profile(userId: string): Promise<Profile>;
  dmChannel(userId: string): Promise<string>;
  channelMembers(channel: string): Promise<Set<string>>;
}

export function createDirectory(client: SlackClient, now: () => number = Date.now): Directory {
  // Promises, not values, so that two messages at once cost one users.info call.
  const profiles = new Map<string, { at: number; value: Promise<Profile> }>();
  const dms = new Map<string, string>();
  const members = new Map<string, { at: number; value: Promise<Set<string>> }>();

  return {
    async profile(userId) {
      const hit = profiles.get(userId);
      if (hit && now() - hit.at < PROFILE_TTL_MS) return hit.value;
      const value = client.call('users.info', { user: userId, include_locale: true }).then((res): Profile => {
        const { user } = usersInfoSchema.parse(res);
        const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || undefined;
        // The address links this Slack identity to the same person on the web and in Teams, so
        // only one Slack has confirmed counts; an unconfirmed one is not used at all.
        const email =
          user.profile?.email && user.is_email_confirmed === true && !user.is_bot && z.email().safeParse(user.profile.email).success
            ? user.profile.email
            : undefined;
        return {
          ...(displayName ? { displayName } : {}),
          ...(user.tz ? { timeZone: user.tz } : {}),
          ...(email ? { email, emailVerified: true } : {}),
          ...(user.locale ? { locale: user.locale } : {}),
        };
      });
      profiles.set(userId, { at: now(), value });
      value.catch(() => profiles.delete(userId));
      return value;
    },

    async dmChannel(userId) {
      const hit = dms.get(userId);
      if (hit) return hit;
      const { channel } = openSchema.parse(await client.call('conversations.open', { users: userId }));
      dms.set(userId, channel.id);
      return channel.id;
    },

    async channelMembers(channel) {
      const hit = members.get(channel);
      if (hit && now() - hit.at < MEMBERS_TTL_MS) return hit.value;
      const value = (async () => {
        const set = new Set<string>();
        let cursor: string | undefined;
        for (let page = 0; page < MEMBER_PAGES_MAX; page++) {
          const res = membersSchema.parse(
            await client.call('conversations.members', { channel, limit: 1000, ...(cursor ? { cursor } : {}) }),
          );
          for (const m of res.members) set.add(m);
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!cursor) break;
        }
        return set;
      })();
      members.set(channel, { at: now(), value });
      value.catch(() => members.delete(channel));
      return value;
    },
  };
}
