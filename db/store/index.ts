/**
 * The Kysely implementation of the domain's Store port, for SQLite and D1 alike: the only
 * difference between them is the Atomic handed in (db/atomic.ts).
 */
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../../domain/clock';
import type { Store } from '../../domain/ports';
import type { Atomic } from '../atomic';
import type { Database } from '../schema';
import * as applications from './applications';
import { stageCounts } from './balance';
import { liveRoundsFor } from './rounds';
import * as catalog from './catalog';
import * as conversation from './conversation';
import * as decisions from './decisions';
import * as outbox from './outbox';
import * as people from './people';
import * as questionChanges from './question-changes';
import * as questions from './questions';
import { submit } from './submit';
import * as privacy from './privacy';

/** `clock` only stamps rows whose port method takes no `now` (people created by personFor). */
export function createStore(db: Kysely<Database>, atomic: Atomic, clock: Clock = systemClock): Store {
  return {
    catalogVersion: () => catalog.catalogVersion(db),
    listDialogues: () => catalog.listDialogues(db),
    listCalls: () => catalog.listCalls(db),
    listFaq: () => catalog.listFaq(db),
    getSetting: <T>(key: string) => catalog.getSetting<T>(db, key),
    reviewChannel: (callId, platform) => catalog.reviewChannel(db, callId, platform),
    reviewChannelLocale: (callId, platform) => catalog.reviewChannelLocale(db, callId, platform),

    personFor: (identity) => people.personFor(db, atomic, identity, clock.now().toISOString()),
    identitiesOf: (personId) => people.identitiesOf(db, personId),
    getPerson: (personId) => people.getPerson(db, personId),
    setEmailNotices: (personId, on, now) => people.setEmailNotices(db, personId, on, now),
    setPersonLocale: (personId, locale, source) => people.setPersonLocale(db, personId, locale, source, clock.now().toISOString()),

    findForPerson: (personId, callId) => applications.findForPerson(db, personId, callId),
    listForPerson: (personId) => applications.listForPerson(db, personId),
    get: (id) => applications.getApplication(db, id),
    openDraft: (input) => applications.openDraft(db, atomic, input),
    saveStep: (input) => applications.saveStep(db, atomic, input),
    submit: (input) => submit(db, atomic, input),
    withdraw: (input) => applications.withdraw(db, atomic, input),
    decide: (input) => decisions.decide(db, atomic, input),
    answerInfoRequest: (input) => applications.answerInfoRequest(db, atomic, input),
    decisionsFor: (applicationId) => decisions.decisionsFor(db, applicationId),

    findPerson: (identity) => privacy.findPerson(db, identity),
    personalData: (personId, now) => privacy.personalData(db, personId, now),
    erasePerson: (personId, now) => privacy.erasePersonData(db, atomic, personId, now),
    recordPrivacyRequest: (input) => privacy.recordPrivacyRequest(db, input),
    unfinishedDrafts: (callId) => applications.unfinishedDrafts(db, callId),
    countAwaitingDecision: () => applications.countAwaitingDecision(db),

    getState: <T>(key: string) => conversation.getState<T>(db, key),
    setState: (key, state, now) => conversation.setState(db, key, state, now),
    clearState: (key) => conversation.clearState(db, key),
    recordUnanswered: (input) => conversation.recordUnanswered(db, input),
    subscribe: (input) => conversation.subscribe(db, input),

    enqueue: (messages, now) => outbox.enqueue(db, atomic, messages, now),
    reviewCardRecipients: (applicationId) => outbox.reviewCardRecipients(db, applicationId),

    recordQuestion: (input) => questions.recordQuestion(db, atomic, input),
    questionGroup: (id) => questions.questionGroup(db, id),
    answerQuestion: (input) => questionChanges.answerQuestion(db, atomic, input),
    dismissQuestion: (input) => questionChanges.dismissQuestion(db, atomic, input),
    assignQuestion: (input) => questionChanges.assignQuestion(db, atomic, input),
    secretariatChannel: (callId, platform) => questions.secretariatChannel(db, callId, platform),
    stageCounts: (dialogueId, exclude) => stageCounts(db, dialogueId, exclude),
    liveRoundsFor: async (applicationId) =>
      (await liveRoundsFor(db, applicationId)).map((r) => ({
        id: r.id,
        dialogueId: r.dialogueId,
        body: r.body,
        closesAt: r.closesAt,
        zone: r.zone,
      })),
  };
}
