/**
 * The person's language for this event, decided once before anything is said: their own choice,
 * else their platform's locale, else the language of what they wrote (stored on the person, so
 * notices sent later and other surfaces use it too). Also the explicit choice itself.
 */
import { t, LOCALES, parseLanguageChoice, resolveLocale, type Locale } from '../../domain/i18n';
import { detectLocale } from '../../domain/i18n/detect';
import type { Reply } from '../../domain/messages';
import { personOf, type EngineDeps } from './context';
import type { Actor } from './types';

/** The action a language button sends; its value is the locale. */
export const LANGUAGE_ACTION = 'language';

/**
 * The actor with `language` decided (and stored when it changed). With `create: false` the person
 * is only looked up and nothing is stored: a "delete my data" must not bring a person into being.
 */
export async function withLanguage(deps: EngineDeps, actor: Actor, text?: string, opts: { create?: boolean } = {}): Promise<Actor> {
  if (actor.language) return actor;
  const create = opts.create !== false;
  const person = create ? await personOf(deps, actor) : await existingPerson(deps, actor);
  const decision = resolveLocale(person ?? { locale: null, localeSource: null }, {
    platformTag: actor.locale,
    detected: text ? detectLocale(text) : null,
  });
  if (create && person && decision.store) await deps.store.setPersonLocale(person.id, decision.store.locale, decision.store.source);
  return { ...actor, language: decision.locale };
}

async function existingPerson(deps: EngineDeps, actor: Actor) {
  const found = await deps.store.findPerson({ platform: actor.platform, scope: actor.scope ?? '', userId: actor.userId });
  return found ? deps.store.getPerson(found.id) : null;
}

/** The language an actor reads (English until decided). */
export const langOf = (actor: Actor): Locale => actor.language ?? 'en';

/** A message that chooses a language ("langue : français"), or null. */
export const languageChoiceIn = parseLanguageChoice;

/** Records an explicit choice; it outranks the platform and the messages from now on. */
export async function chooseLanguage(deps: EngineDeps, actor: Actor, locale: Locale): Promise<Actor> {
  const person = await personOf(deps, actor);
  await deps.store.setPersonLocale(person.id, locale, 'chosen');
  return { ...actor, language: locale };
}

/** The language setting: which language is in use, and a button for each of the others. */
export function languageCard(locale: Locale): Reply {
  return {
    kind: 'card',
    card: {
      title: t(locale, 'language.title'),
      text: t(locale, 'language.current'),
      actions: LOCALES.filter((l) => l !== locale).map((l) => ({ id: LANGUAGE_ACTION, label: t(l, `common.language.${l}`), value: l })),
    },
  };
}
