/**
 * What every engine step needs: storage, time, who may review, and the catalogue (dialogues,
 * calls, FAQ) loaded fresh per event so that an admin's edit shows in the very next answer.
 */
import type { FileDelivery, PersonalFile } from '../../domain/privacy';
import type { Store } from '../../domain/ports';
import type { Clock } from '../../domain/clock';
import type { OutboundMessage, Recipient } from '../../domain/messages';
import type { Call, Dialogue, FaqEntry, Person, Platform } from '../../domain/types';
import type { Actor } from './types';
import type { Locale } from '../../domain/i18n/locales';

export interface EngineLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface EngineDeps {
  store: Store;
  clock: Clock;
  log: EngineLogger;
  /**
   * Whether `actor` may decide where `channels` are the review channels in question (those the
   * application's card went to, on the actor's platform). Decision rights are per application:
   * membership of one of those channels, or a reviewer list, decides; nothing global does.
   */
  isReviewer(actor: Actor, channels: Recipient[]): Promise<boolean>;
  /**
   * May act on questions from the secretariat channel: a member of one of `channels` (the
   * secretariat channels on the actor's platform, checked as review channels are), or someone
   * the admin panel knows with an admin or secretariat role.
   */
  isSecretariat(actor: Actor, channels: Recipient[]): Promise<boolean>;
  /** Reviewer channels from the environment, used when the admin panel has set none. */
  reviewDefaults: Partial<Record<Platform, string>>;
  /** Zone reviewers' cards show times in. */
  reviewZone: string;
  /** Language of reviewer cards and replies where a channel has none of its own (REVIEW_LOCALE). */
  reviewLocale?: Locale;
  /** Hands a file to the person on their platform (Slack upload, Teams link); absent: cannot. */
  deliverFile?(actor: Actor, file: PersonalFile): Promise<FileDelivery>;
  /**
   * Starts outbox delivery now rather than at the worker's next tick; the engine calls it after
   * work that may have written messages for other people (cards, notices), so no surface has to.
   */
  deliverSoon?(): void;
}

export interface Catalog {
  dialogues: Dialogue[];
  calls: Call[];
  faq: FaqEntry[];
  contact: string;
}

// One parsed copy per store, kept while the database says nothing it is read from changed:
// one small query per event instead of five, and the same objects for the knowledge index.
const catalogs = new WeakMap<Store, { version: string; catalog: Promise<Catalog> }>();

export async function loadCatalog(store: Store): Promise<Catalog> {
  const version = await store.catalogVersion();
  const cached = catalogs.get(store);
  if (cached?.version === version) return cached.catalog;
  const catalog = readCatalog(store);
  catalogs.set(store, { version, catalog });
  catalog.catch(() => catalogs.delete(store));
  return catalog;
}

async function readCatalog(store: Store): Promise<Catalog> {
  const [dialogues, calls, faq, contact] = await Promise.all([
    store.listDialogues(),
    store.listCalls(),
    store.listFaq(),
    store.getSetting<string>('contact_email'),
  ]);
  return { dialogues, calls: calls.filter((c) => !c.archived), faq, contact: contact ?? 'the secretariat' };
}

export function actorKey(actor: Actor): string {
  return `${actor.platform}:${actor.scope ?? ''}:${actor.userId}`;
}

export function actorRef(actor: Actor): string {
  return `${actor.platform}:${actor.scope ? `${actor.scope}/` : ''}${actor.userId}`;
}

export function personOf(deps: EngineDeps, actor: Actor): Promise<Person> {
  return deps.store.personFor({
    platform: actor.platform,
    scope: actor.scope ?? '',
    userId: actor.userId,
    displayName: actor.displayName ?? null,
    email: actor.email ?? null,
    emailVerified: actor.emailVerified === true,
    timeZone: actor.timeZone ?? null,
  });
}

export function recipientOf(actor: Actor): Recipient {
  return { platform: actor.platform, kind: 'user', address: actor.userId, ...(actor.scope ? { scope: actor.scope } : {}) };
}

/**
 * Where notices to a person go: the door they used last (the web's is their verified email, as
 * the web cannot reach anyone by itself), and their verified email as well when they chose it.
 */
export async function personRecipients(store: Pick<Store, 'identitiesOf' | 'getPerson'>, personId: string): Promise<Recipient[]> {
  const [ids, person] = await Promise.all([store.identitiesOf(personId), store.getPerson(personId)]);
  const email: Recipient | null = person?.verifiedEmail ? { platform: 'email', kind: 'user', address: person.verifiedEmail } : null;
  const chat = (ids[0] && ids[0].platform !== 'web' ? ids[0] : null) ?? (email ? null : ids.find((i) => i.platform !== 'web'));
  const out: Recipient[] = [];
  if (chat) out.push({ platform: chat.platform, kind: 'user', address: chat.userId, ...(chat.scope ? { scope: chat.scope } : {}) });
  if (email && (out.length === 0 || person?.emailNotices)) out.push(email);
  // Notices are written in the person's language, wherever they go.
  const locale = person?.locale;
  return locale ? out.map((r) => ({ ...r, locale })) : out;
}

/** One message to each recipient; every copy after the first has its own dedupe key. */
export function toEach(message: OutboundMessage, recipients: Recipient[]): OutboundMessage[] {
  return recipients.map((recipient, i) => ({
    ...message,
    recipient,
    dedupeKey: i === 0 ? message.dedupeKey : `${message.dedupeKey}:${recipient.platform}`,
  }));
}

/** The person's verified address when notices should also go there, else null. */
export async function emailCopyTo(store: Store, personId: string, door: Platform): Promise<Recipient | null> {
  const person = await store.getPerson(personId);
  if (!person?.verifiedEmail || (door !== 'web' && !person.emailNotices)) return null;
  return { platform: 'email', kind: 'user', address: person.verifiedEmail, ...(person.locale ? { locale: person.locale } : {}) };
}

/**
 * The review channels an application's card went to (the latest card, per platform), else where
 * it would go now: these, and only these, decide who may decide on it.
 */
export async function decidingChannels(deps: EngineDeps, app: { id: string; callId: string }): Promise<Recipient[]> {
  const sent = await deps.store.reviewCardRecipients(app.id);
  const now = await reviewChannels(deps, app.callId);
  return [...sent, ...now.filter((c) => !sent.some((s) => s.platform === c.platform))];
}

/** Whether the actor may decide on this application. */
export async function mayDecide(deps: EngineDeps, actor: Actor, app: { id: string; callId: string }): Promise<boolean> {
  const channels = (await decidingChannels(deps, app)).filter((c) => c.platform === actor.platform);
  return deps.isReviewer(actor, channels);
}

/** Reviewer channels for a call, one per platform that has one. */
export async function reviewChannels(deps: EngineDeps, callId: string): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const platform of ['slack', 'teams', 'playground'] as const) {
    const address = (await deps.store.reviewChannel(callId, platform)) ?? deps.reviewDefaults[platform];
    if (!address) continue;
    const locale = (await deps.store.reviewChannelLocale(callId, platform)) ?? deps.reviewLocale;
    out.push({ platform, kind: 'channel', address, ...(locale && locale !== 'en' ? { locale } : {}) });
  }
  return out;
}
