/**
 * Where reviewer cards go, per call and platform (call '' is the default for every call), and
 * the panel's settings. Channels are picked from the conversations the bot has seen, or typed.
 */
import { isLocale, LOCALES, t } from '../../domain/i18n';
import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps';
import { actorRef, auditQuery } from '../audit';
import type { AdminEnv } from '../env';
import { check, readForm } from '../form';
import { listCalls } from '../queries/catalog';
import { done, render } from '../render';
import { channelSchema, settingsSchema } from '../validators';
import { ErrorSummary, Input, Select, type Errors, type Values } from '../views/fields';
import { viennaTime } from '../views/format';
import { Csrf } from '../views/layout';

const PLATFORMS = [
  { value: 'slack', label: 'Slack' },
  { value: 'teams', label: 'Microsoft Teams' },
];
// Each language named in itself, as people look for their own.
const LANGUAGES = [
  { value: '', label: 'Default (REVIEW_LOCALE, else English)' },
  ...LOCALES.map((l) => ({ value: l, label: t(l, `common.language.${l}`) })),
];
const languageName = (l: string | null) => (isLocale(l) ? t(l, `common.language.${l}`) : null);

/** Reviewer channels get application cards; secretariat channels get the questions the bot passes on. */
type ChannelKind = 'review' | 'secretariat';
const TABLE = { review: 'review_channels', secretariat: 'secretariat_channels' } as const;
const kindOf = (v: unknown): ChannelKind => (v === 'secretariat' ? 'secretariat' : 'review');

const ChannelTable = ({
  kind,
  scopes,
  rows,
  nameOf,
}: {
  kind: ChannelKind;
  scopes: { id: string; title: string }[];
  rows: { call_id: string; platform: string; address: string; updated_at: string; locale?: string | null }[];
  nameOf: Map<string, string | null>;
}) => (
  <div class="table-wrap">
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">Call</th>
          <th scope="col">Platform</th>
          <th scope="col">Channel</th>
          {kind === 'review' ? <th scope="col">Language</th> : null}
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {scopes.flatMap((s) =>
          PLATFORMS.map((p) => {
            const row = rows.find((r) => r.call_id === s.id && r.platform === p.value);
            const name = row ? nameOf.get(`${p.value}:${row.address}`) : null;
            const none = kind === 'review' ? 'Not set (environment default, if any)' : 'Not set: questions wait in the admin inbox';
            return (
              <tr>
                <td data-label="Call">{s.title}</td>
                <td data-label="Platform">{p.label}</td>
                <td data-label="Channel">
                  {row ? (
                    <>
                      {name ? `#${name} ` : ''}
                      <code>{row.address}</code>
                      <br />
                      <span class="small muted">since {viennaTime(row.updated_at)}</span>
                    </>
                  ) : (
                    <span class="muted">{s.id ? 'Uses the default' : none}</span>
                  )}
                </td>
                {kind === 'review' ? (
                  <td data-label="Language">{row ? (languageName(row.locale ?? null) ?? <span class="muted">Default</span>) : ''}</td>
                ) : null}
                <td data-label="Actions">
                  <a href={`/admin/channels/edit?kind=${kind}&call=${encodeURIComponent(s.id)}&platform=${p.value}`}>
                    Choose
                    <span class="visually-hidden">
                      {' '}
                      the {p.label} {kind === 'review' ? 'reviewer' : 'secretariat'} channel for {s.title}
                    </span>
                  </a>
                </td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  </div>
);

async function readContact(deps: AdminDeps): Promise<string> {
  const row = await deps.db.selectFrom('settings').select('value').where('key', '=', 'contact_email').executeTakeFirst();
  try {
    return row ? String(JSON.parse(row.value) ?? '') : '';
  } catch {
    return '';
  }
}

async function page(c: Context<AdminEnv>, deps: AdminDeps, settings: { values: Values; errors: Errors } | null, status: 200 | 400 = 200) {
  const [calls, channels, secretariat, conversations, contact] = await Promise.all([
    listCalls(deps.db),
    deps.db.selectFrom('review_channels').selectAll().execute(),
    deps.db.selectFrom('secretariat_channels').selectAll().execute(),
    deps.db.selectFrom('conversations').select(['platform', 'id', 'name']).where('kind', '=', 'channel').execute(),
    readContact(deps),
  ]);
  const nameOf = new Map(conversations.map((k) => [`${k.platform}:${k.id}`, k.name]));
  const scopes = [
    { id: '', title: 'Default (every call without its own channel)' },
    ...calls.filter((k) => !k.archived).map((k) => ({ id: k.id, title: k.title })),
  ];
  const values = settings?.values ?? { contact_email: contact };
  const errors = settings?.errors ?? {};
  return render(
    c,
    deps,
    { title: 'Channels & settings', current: 'channels' },
    <>
      <h1>Channels &amp; settings</h1>
      <h2>Reviewer channels</h2>
      <p>
        New applications are posted as cards to these channels. A call without its own channel uses the default. Members of the channel an
        application's card went to may decide on it, so only administrators choose these channels; named reviewers are on the{' '}
        <a href="/admin/reviewers">Reviewers</a> page.
      </p>
      <ChannelTable kind="review" scopes={scopes} rows={channels} nameOf={nameOf} />
      <h2 id="secretariat">Secretariat channels</h2>
      <p>
        Questions the bot cannot answer are posted as cards to these channels, where members answer, dismiss or take them. Without one, they
        wait in the <a href="/admin/questions">questions inbox</a>, which always works too.
      </p>
      <ChannelTable kind="secretariat" scopes={scopes} rows={secretariat} nameOf={nameOf} />
      <h2 id="settings">Settings</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/channels/settings" novalidate>
        <Csrf token={c.get('csrf')} />
        <Input
          name="contact_email"
          label="Contact address"
          type="email"
          hint="The bot gives this address when people ask whom to contact."
          required
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
    </>,
    status,
  );
}

async function editPage(c: Context<AdminEnv>, deps: AdminDeps, values: Values, errors: Errors, status: 200 | 400 = 200) {
  const platform = values.platform === 'teams' ? 'teams' : 'slack';
  const conversations = await deps.db
    .selectFrom('conversations')
    .select(['id', 'name', 'scope'])
    .where('platform', '=', platform)
    .where('kind', '=', 'channel')
    .orderBy('name')
    .limit(500)
    .execute();
  const call = values.call_id ? (await listCalls(deps.db)).find((k) => k.id === values.call_id) : null;
  const kind = kindOf(values.kind);
  const title = `${platform === 'slack' ? 'Slack' : 'Teams'} ${kind === 'review' ? 'reviewer' : 'secretariat'} channel — ${call ? call.title : 'default'}`;
  return render(
    c,
    deps,
    { title, current: 'channels' },
    <>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/channels/edit" novalidate>
        <Csrf token={c.get('csrf')} />
        <input type="hidden" name="call_id" value={String(values.call_id ?? '')} />
        <input type="hidden" name="platform" value={platform} />
        <input type="hidden" name="kind" value={kind} />
        <Select
          name="conversation"
          label="Channel the bot has seen"
          hint="Channels appear here once the bot has been added to them."
          options={[
            { value: '', label: conversations.length ? '— choose —' : 'None seen yet' },
            ...conversations.map((k) => ({ value: k.id, label: `${k.name ? `#${k.name}` : k.id} (${k.id})` })),
          ]}
          values={values}
          errors={errors}
        />
        <Input
          name="address"
          label="Or the channel id"
          hint={platform === 'slack' ? 'e.g. C0123456789' : 'e.g. 19:abc…@thread.tacv2'}
          values={values}
          errors={errors}
        />
        {kind === 'review' ? (
          <Select
            name="locale"
            label="Language of the cards"
            hint="Reviewers read application cards and the bot's replies to their clicks in this language; applicants always read their own."
            options={LANGUAGES}
            values={values}
            errors={errors}
          />
        ) : null}
        <div class="actions">
          <button type="submit">Save channel</button>
          <button type="submit" name="clear" value="1" class="secondary">
            Clear{values.call_id ? ' (use the default)' : ''}
          </button>
          <a href="/admin/channels">Cancel</a>
        </div>
      </form>
    </>,
    status,
  );
}

export function channelRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => page(c, deps, null));

  app.get('/edit', async (c) => {
    const callId = c.req.query('call') ?? '';
    const platform = c.req.query('platform') === 'teams' ? 'teams' : 'slack';
    const kind = kindOf(c.req.query('kind'));
    const row = await deps.db
      .selectFrom(TABLE[kind])
      .selectAll()
      .where('call_id', '=', callId)
      .where('platform', '=', platform)
      .executeTakeFirst();
    const locale = row && 'locale' in row ? (row.locale ?? '') : '';
    return editPage(c, deps, { call_id: callId, platform, kind, conversation: row?.address ?? '', address: '', locale }, {});
  });

  app.post('/edit', async (c) => {
    const raw = await readForm(c);
    const parsed = check(channelSchema, raw);
    if (!parsed.ok) return editPage(c, deps, raw, parsed.errors, 400);
    const { call_id, platform, address, locale } = parsed.data;
    if (call_id && !(await listCalls(deps.db)).some((k) => k.id === call_id))
      return editPage(c, deps, raw, { call_id: 'Unknown call' }, 400);
    const now = deps.clock.now();
    const clear = raw.clear === '1';
    const kind = kindOf(raw.kind);
    const table = TABLE[kind];
    if (!clear && !address) return editPage(c, deps, raw, { conversation: 'Choose a channel or type its id' }, 400);
    await deps.atomic.run([
      clear
        ? deps.db.deleteFrom(table).where('call_id', '=', call_id).where('platform', '=', platform)
        : kind === 'review'
          ? deps.db
              .insertInto('review_channels')
              .values({ call_id, platform, address, locale, updated_at: now.toISOString() })
              .onConflict((oc) => oc.columns(['call_id', 'platform']).doUpdateSet({ address, locale, updated_at: now.toISOString() }))
          : deps.db
              .insertInto('secretariat_channels')
              .values({ call_id, platform, address, updated_at: now.toISOString() })
              .onConflict((oc) => oc.columns(['call_id', 'platform']).doUpdateSet({ address, updated_at: now.toISOString() })),
      auditQuery(deps.db, {
        actor: actorRef(c.get('user')),
        action: clear ? 'channel.clear' : 'channel.set',
        entity: kind === 'review' ? 'review_channel' : 'secretariat_channel',
        entityId: `${call_id || 'default'}:${platform}`,
        detail:
          kind === 'review' ? { address: clear ? null : address, locale: clear ? null : locale } : { address: clear ? null : address },
        at: now,
      }),
    ]);
    return done(c, '/admin/channels', 'saved');
  });

  app.post('/settings', async (c) => {
    const raw = await readForm(c);
    const parsed = check(settingsSchema, raw);
    if (!parsed.ok) return page(c, deps, { values: raw, errors: parsed.errors }, 400);
    const now = deps.clock.now();
    const before = await readContact(deps);
    const value = JSON.stringify(parsed.data.contact_email);
    await deps.atomic.run([
      deps.db
        .insertInto('settings')
        .values({ key: 'contact_email', value, updated_at: now.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() })),
      auditQuery(deps.db, {
        actor: actorRef(c.get('user')),
        action: 'setting.update',
        entity: 'setting',
        entityId: 'contact_email',
        detail: { from: before, to: parsed.data.contact_email },
        at: now,
      }),
    ]);
    return done(c, '/admin/channels', 'saved');
  });
  return app;
}
