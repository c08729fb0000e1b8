/**
 * Where reviewer cards go, per call and platform (call '' is the default for every call), and
 * the panel's settings. Channels are picked from the conversations the bot has seen, or typed.
 */
import { Hono, type Context } from 'hono';
import { saveChannel, saveContactEmail } from '../commands/channels';
import type { AdminDeps } from '../deps';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { channelKindOf, channelSetting, channelsOverview, readContact, seenChannels } from '../queries/channels';
import { done, render } from '../render';
import { channelSchema, settingsSchema } from '../validators';
import { ChannelForm, ChannelsOverview } from '../views/channels';
import type { Errors, Values } from '../views/fields';

const platformOf = (v: unknown) => (v === 'teams' ? 'teams' : 'slack');

async function page(c: Context<AdminEnv>, deps: AdminDeps, settings: { values: Values; errors: Errors } | null, status: 200 | 400 = 200) {
  const overview = await channelsOverview(deps.db);
  return render(
    c,
    deps,
    { title: 'Channels & settings', current: 'channels' },
    <ChannelsOverview
      overview={overview}
      values={settings?.values ?? { contact_email: overview.contact }}
      errors={settings?.errors ?? {}}
      csrf={c.get('csrf')}
    />,
    status,
  );
}

async function editPage(c: Context<AdminEnv>, deps: AdminDeps, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const platform = platformOf(values.platform);
  const kind = channelKindOf(values.kind);
  const seen = await seenChannels(deps.db, platform);
  const call = values.call_id ? (await listCalls(deps.db)).find((k) => k.id === values.call_id) : null;
  const title = `${platform === 'slack' ? 'Slack' : 'Teams'} ${kind === 'review' ? 'reviewer' : 'secretariat'} channel — ${call ? call.title : 'default'}`;
  return render(
    c,
    deps,
    { title, current: 'channels' },
    <ChannelForm title={title} kind={kind} platform={platform} seen={seen} values={values} errors={errors} csrf={c.get('csrf')} />,
    status,
  );
}

export function channelRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => page(c, deps, null));

  app.get('/edit', async (c) => {
    const callId = c.req.query('call') ?? '';
    const platform = platformOf(c.req.query('platform'));
    const kind = channelKindOf(c.req.query('kind'));
    const set = await channelSetting(deps.db, kind, callId, platform);
    return editPage(c, deps, { call_id: callId, platform, kind, conversation: set.address, address: '', locale: set.locale }, {});
  });

  app.post('/edit', async (c) => {
    const raw = await readForm(c);
    const parsed = check(channelSchema, raw);
    if (!parsed.ok) return editPage(c, deps, raw, parsed.errors, 400);
    const { call_id, platform, address, locale } = parsed.data;
    if (call_id && !(await listCalls(deps.db)).some((k) => k.id === call_id))
      return editPage(c, deps, raw, { call_id: 'Unknown call' }, 400);
    const clear = raw.clear === '1';
    if (!clear && !address) return editPage(c, deps, raw, { conversation: 'Choose a channel or type its id' }, 400);
    await saveChannel(deps, c.get('user'), channelKindOf(raw.kind), { call_id, platform, locale, address: clear ? null : address });
    return done(c, '/admin/channels', 'saved');
  });

  app.post('/settings', async (c) => {
    const raw = await readForm(c);
    const parsed = check(settingsSchema, raw);
    if (!parsed.ok) return page(c, deps, { values: raw, errors: parsed.errors }, 400);
    await saveContactEmail(deps, c.get('user'), await readContact(deps.db), parsed.data.contact_email);
    return done(c, '/admin/channels', 'saved');
  });
  return app;
}
