/**
 * Where cards go (reviewer and secretariat channels, per call and platform) and the contact
 * address the bot gives. Call '' is the default for every call without a channel of its own.
 */
import type { SessionUser } from '../env';
import { CHANNEL_TABLE, type ChannelKind } from '../queries/channels';
import type { ChannelInput } from '../validators';
import { record, type CommandDeps } from './record';

const ENTITY = { review: 'review_channel', secretariat: 'secretariat_channel' } as const;

/** Sets the channel for a call and platform, or clears it (`address` null) so the default applies. */
export async function saveChannel(
  deps: CommandDeps,
  by: Pick<SessionUser, 'id'>,
  kind: ChannelKind,
  input: Pick<ChannelInput, 'call_id' | 'platform' | 'locale'> & { address: string | null },
): Promise<void> {
  const { call_id, platform, address, locale } = input;
  await record(
    deps,
    by,
    (now) => {
      const at = now.toISOString();
      if (address === null)
        return [deps.db.deleteFrom(CHANNEL_TABLE[kind]).where('call_id', '=', call_id).where('platform', '=', platform)];
      if (kind === 'secretariat')
        return [
          deps.db
            .insertInto('secretariat_channels')
            .values({ call_id, platform, address, updated_at: at })
            .onConflict((oc) => oc.columns(['call_id', 'platform']).doUpdateSet({ address, updated_at: at })),
        ];
      return [
        deps.db
          .insertInto('review_channels')
          .values({ call_id, platform, address, locale, updated_at: at })
          .onConflict((oc) => oc.columns(['call_id', 'platform']).doUpdateSet({ address, locale, updated_at: at })),
      ];
    },
    {
      action: address === null ? 'channel.clear' : 'channel.set',
      entity: ENTITY[kind],
      entityId: `${call_id || 'default'}:${platform}`,
      detail: kind === 'review' ? { address, locale: address === null ? null : locale } : { address },
    },
  );
}

/** The contact address; the audit row keeps what it was. */
export async function saveContactEmail(deps: CommandDeps, by: Pick<SessionUser, 'id'>, before: string, email: string): Promise<void> {
  const value = JSON.stringify(email);
  await record(
    deps,
    by,
    (now) => [
      deps.db
        .insertInto('settings')
        .values({ key: 'contact_email', value, updated_at: now.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() })),
    ],
    { action: 'setting.update', entity: 'setting', entityId: 'contact_email', detail: { from: before, to: email } },
  );
}
