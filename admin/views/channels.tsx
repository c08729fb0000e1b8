/**
 * The Channels & settings page and the form that chooses one channel.
 */
import type { FC } from 'hono/jsx';
import { isLocale, LOCALES, t } from '../../domain/i18n';
import type { ChannelKind, ChannelScope, ChannelsOverview as Overview } from '../queries/channels';
import { ErrorSummary, Input, Select, type Errors, type Values } from './fields';
import { viennaTime } from './format';
import { Csrf } from './layout';

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

const ChannelTable: FC<{
  kind: ChannelKind;
  scopes: ChannelScope[];
  rows: { call_id: string; platform: string; address: string; updated_at: string; locale?: string | null }[];
  nameOf: Map<string, string | null>;
}> = ({ kind, scopes, rows, nameOf }) => (
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

/** Both channel tables and the settings form; `values` and `errors` are the settings form's. */
export const ChannelsOverview: FC<{ overview: Overview; values: Values; errors: Errors; csrf: string }> = ({
  overview,
  values,
  errors,
  csrf,
}) => (
  <>
    <h1>Channels &amp; settings</h1>
    <h2>Reviewer channels</h2>
    <p>
      New applications are posted as cards to these channels. A call without its own channel uses the default. Members of the channel an
      application's card went to may decide on it, so only administrators choose these channels; named reviewers are on the{' '}
      <a href="/admin/reviewers">Reviewers</a> page.
    </p>
    <ChannelTable kind="review" scopes={overview.scopes} rows={overview.review} nameOf={overview.nameOf} />
    <h2 id="secretariat">Secretariat channels</h2>
    <p>
      Questions the bot cannot answer are posted as cards to these channels, where members answer, dismiss or take them. Without one, they
      wait in the <a href="/admin/questions">questions inbox</a>, which always works too.
    </p>
    <ChannelTable kind="secretariat" scopes={overview.scopes} rows={overview.secretariat} nameOf={overview.nameOf} />
    <h2 id="settings">Settings</h2>
    <ErrorSummary errors={errors} />
    <form method="post" action="/admin/channels/settings" novalidate>
      <Csrf token={csrf} />
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
  </>
);

/** Chooses the channel for one call (or the default), platform and kind: one the bot has seen, or an id. */
export const ChannelForm: FC<{
  title: string;
  kind: ChannelKind;
  platform: 'slack' | 'teams';
  seen: { id: string; name: string | null }[];
  values: Values;
  errors: Errors;
  csrf: string;
}> = ({ title, kind, platform, seen, values, errors, csrf }) => (
  <>
    <h1>{title}</h1>
    <ErrorSummary errors={errors} />
    <form method="post" action="/admin/channels/edit" novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="call_id" value={String(values.call_id ?? '')} />
      <input type="hidden" name="platform" value={platform} />
      <input type="hidden" name="kind" value={kind} />
      <Select
        name="conversation"
        label="Channel the bot has seen"
        hint="Channels appear here once the bot has been added to them."
        options={[
          { value: '', label: seen.length ? '— choose —' : 'None seen yet' },
          ...seen.map((k) => ({ value: k.id, label: `${k.name ? `#${k.name}` : k.id} (${k.id})` })),
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
  </>
);
