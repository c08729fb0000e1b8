/** The channel ports (domain/channel-ports.ts) on one database, as the composition root hands them out. */
import type { Kysely } from 'kysely';
import { isoNow, type Clock } from '../../domain/clock';
import type { Deliveries, ReviewerLists } from '../../domain/channel-ports';
import type { Atomic } from '../atomic';
import type { Database } from '../schema';
import { forgetEvent, markEventProcessed } from '../outbox-queue';
import { isListedReviewer } from '../store/reviewers';
import { playgroundFeed } from './playground-feed';
import { reviewCards } from './review-cards';
import { applicantSessions, signInCodes } from './sign-in';
import { teamsConversations } from './teams-conversations';

/** Dedupe through the shared processed_events table, so a retry is recognised after a restart. */
export function storedDeliveries(db: Kysely<Database>, clock: Clock): Deliveries {
  return {
    isNew: (id) => markEventProcessed(db, id, isoNow(clock)),
    forget: (id) => forgetEvent(db, id),
  };
}

export function reviewerLists(db: Kysely<Database>): ReviewerLists {
  return { isListed: (platform, ids) => isListedReviewer(db, platform, ids) };
}

export function channelPorts(db: Kysely<Database>, atomic: Atomic, clock: Clock) {
  return {
    deliveries: storedDeliveries(db, clock),
    reviewerLists: reviewerLists(db),
    teamsConversations: teamsConversations(db),
    reviewCards: reviewCards(db),
    playgroundFeed: playgroundFeed(db),
    signInCodes: signInCodes(db),
    applicantSessions: applicantSessions(db, atomic),
  };
}
