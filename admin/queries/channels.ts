/**
 * Reads for the Channels & settings page: where cards go per call and platform, the channels the
 * bot has seen (to pick from), and the contact address.
 */
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { readJsonOr } from '../../db/json';
import type { Database } from '../../db/schema';
import type { Platform } from '../../domain/types';
import { listCalls } from './catalog';

/** Reviewer channels get application cards; secretariat channels get the questions the bot passes on. */
export type ChannelKind = 'review' | 'secretariat';
export const CHANNEL_TABLE = { review: 'review_channels', secretariat: 'secretariat_channels' } as const;
export const channelKindOf = (v: unknown): ChannelKind => (v === 'secretariat' ? 'secretariat' : 'review');

/** The contact address the bot gives; '' when none is set or the stored value is not text. */
export async function readContact(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'contact_email').executeTakeFirst();
  return readJsonOr(row?.value, z.string().nullable(), '') ?? '';
}

export interface ChannelScope {
  id: string;
  title: string;
}

/** Everything the overview shows: one row per scope (the default, then each live call) and platform. */
export async function channelsOverview(db: Kysely<Database>) {
  const [calls, review, secretariat, conversations, contact] = await Promise.all([
    listCalls(db),
    db.selectFrom('review_channels').selectAll().execute(),
    db.selectFrom('secretariat_channels').selectAll().execute(),
    db.selectFrom('conversations').select(['platform', 'id', 'name']).where('kind', '=', 'channel').execute(),
    readContact(db),
  ]);
  const scopes: ChannelScope[] = [
    { id: '', title: 'Default (every call without its own channel)' },
    ...calls.filter((k) => !k.archived).map((k) => ({ id: k.id, title: k.title })),
  ];
  return { scopes, review, secretariat, nameOf: new Map(conversations.map((k) => [`${k.platform}:${k.id}`, k.name])), contact };
}
export type ChannelsOverview = Awaited<ReturnType<typeof channelsOverview>>;

/** Channels the bot has been added to on a platform, to choose from. */
export function seenChannels(db: Kysely<Database>, platform: Platform) {
  return db
    .selectFrom('conversations')
    .select(['id', 'name'])
    .where('platform', '=', platform)
    .where('kind', '=', 'channel')
    .orderBy('name')
    .limit(500)
    .execute();
}

/** The channel set for one call and platform, with the reviewers' language ('' = the default). */
export async function channelSetting(
  db: Kysely<Database>,
  kind: ChannelKind,
  callId: string,
  platform: Platform,
): Promise<{ address: string; locale: string }> {
  const row = await db
    .selectFrom(CHANNEL_TABLE[kind])
    .selectAll()
    .where('call_id', '=', callId)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return { address: row?.address ?? '', locale: row && 'locale' in row ? (row.locale ?? '') : '' };
}
