/**
 * A person's own data: what they can take away (export) and what erasing them leaves behind.
 * The export is plain JSON a person can read; it holds only what the product stores about them.
 */
import type { Platform } from './types';

export const PERSONAL_DATA_FORMAT = 'dialogue-desk/personal-data@1';

export interface PersonalData {
  format: typeof PERSONAL_DATA_FORMAT;
  exportedAt: string;
  person: { displayName: string | null; email: string | null; timeZone: string | null; firstSeen: string };
  accounts: { platform: string; workspace: string; userId: string; since: string }[];
  applications: {
    reference: string | null;
    call: string;
    status: string;
    answers: Record<string, unknown>;
    dialogues: { dialogue: string; status: string; round: number }[];
    history: { at: string; what: string }[];
    createdAt: string;
    submittedAt: string | null;
    withdrawnAt: string | null;
  }[];
  /** Decisions as they were told to the person: outcome, dialogue, date and the reason given. */
  decisions: { application: string | null; dialogue: string; outcome: string; reason: string | null; decidedAt: string }[];
  /** Messages the product sent to the person (notices, reminders), with their text. */
  messages: { purpose: string; platform: string; sentAt: string | null; status: string; text: string[] }[];
  subscriptions: { dialogue: string; since: string; notifiedAt: string | null }[];
  questions: { text: string; askedAt: string }[];
}

/** What an erasure removed and what it kept, as counts (the audit log keeps these, nothing more). */
export interface ErasureSummary {
  applications: number;
  withdrawn: number;
  representatives: number;
  decisions: number;
  messages: number;
  accounts: number;
  subscriptions: number;
  questions: number;
}

/** A file for a person, handed to their platform (Slack upload, Teams download link). */
export interface PersonalFile {
  filename: string;
  title: string;
  content: string;
  personId: string;
}

export type FileDelivery = { kind: 'sent' } | { kind: 'link'; url: string; expiresInMinutes: number } | { kind: 'unavailable' };

export interface PrivacyPort {
  /** The person behind a platform identity, without creating one. */
  findPerson(identity: { platform: Platform; scope: string; userId: string }): Promise<{ id: string } | null>;
  personalData(personId: string, now: string): Promise<PersonalData>;
  /** Erases the person's data, keeping anonymous facts; a second call finds nothing and changes nothing. */
  erasePerson(personId: string, now: string): Promise<Omit<ErasureSummary, 'withdrawn'>>;
  /** The audit row of a person's own request: counts only, keyed by the anonymous person id. */
  recordPrivacyRequest(input: {
    personId: string;
    action: 'person.export' | 'person.erase';
    actor: string;
    via: string;
    detail: Record<string, unknown>;
    now: string;
  }): Promise<void>;
}
