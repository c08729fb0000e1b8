/**
 * What every engine step needs: storage, time, who may review, and the catalogue (dialogues,
 * calls, FAQ) loaded fresh per event so that an admin's edit shows in the very next answer.
 */
import type { Store } from '../../domain/ports';
import type { Clock } from '../../domain/clock';
import type { Recipient } from '../../domain/messages';
import type { Call, Dialogue, FaqEntry, Person, Platform } from '../../domain/types';
import type { Actor } from './types';

export interface EngineLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface EngineDeps {
  store: Store;
  clock: Clock;
  log: EngineLogger;
  isReviewer(actor: Actor): Promise<boolean>;
  /**
   * May act on questions from the secretariat channel: a member of one of `channels` (the
   * configured secretariat channels on the actor's platform), or someone the admin panel gives
   * an admin or secretariat role.
   */
  isSecretariat(actor: Actor, channels: string[]): Promise<boolean>;
  /** Reviewer channels from the environment, used when the admin panel has set none. */
  reviewDefaults: Partial<Record<Platform, string>>;
  /** Zone reviewers' cards show times in. */
  reviewZone: string;
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
    timeZone: actor.timeZone ?? null,
  });
}

export function recipientOf(actor: Actor): Recipient {
  return { platform: actor.platform, kind: 'user', address: actor.userId, ...(actor.scope ? { scope: actor.scope } : {}) };
}

/** Where to reach a person: their identity on the platform they applied from, else any. */
export async function personRecipient(store: Store, personId: string, platform: Platform): Promise<Recipient | null> {
  const ids = await store.identitiesOf(personId);
  const id = ids.find((i) => i.platform === platform) ?? ids[0];
  return id ? { platform: id.platform, kind: 'user', address: id.userId, ...(id.scope ? { scope: id.scope } : {}) } : null;
}

/** Reviewer channels for a call, one per platform that has one. */
export async function reviewChannels(deps: EngineDeps, callId: string): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const platform of ['slack', 'teams', 'playground'] as const) {
    const address = (await deps.store.reviewChannel(callId, platform)) ?? deps.reviewDefaults[platform];
    if (address) out.push({ platform, kind: 'channel', address });
  }
  return out;
}
