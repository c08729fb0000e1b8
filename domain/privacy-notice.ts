/**
 * What the public privacy notice lists, tied to the data it describes: every answer of the
 * application form (ApplicationAnswers, Representative) and every part of a person's export
 * (PersonalData) has exactly one place in a kind. A new form field or export section is a type
 * error here until the notice says what it is and why, so the page can say neither more nor less
 * than the product keeps. Also when each current call's personal data goes, from the same plan
 * the retention job follows.
 */
import { DateTime } from 'luxon';
import { formatDay, formatDialogueDate, validZone } from './calls';
import type { AreaKey, Locale } from './i18n';
import { t } from './i18n';
import type { PersonalData } from './privacy';
import type { ApplicationAnswers, Call, Representative } from './types';

type NoticeKey = AreaKey<'notice'>;
type ItemKey = Extract<NoticeKey, `item.${string}`>;

export type CollectedKind = 'representatives' | 'organisation' | 'participation' | 'consent' | 'review' | 'account' | 'messages';

const REPRESENTATIVE: Record<keyof Representative, ItemKey> = {
  name: 'item.rep.name',
  gender: 'item.rep.gender',
  email: 'item.rep.email',
  role: 'item.rep.role',
  nationality: 'item.rep.nationality',
};

/** Each answer of the form, by kind; the representatives' answers come from REPRESENTATIVE. */
const ANSWERS: Record<Exclude<keyof ApplicationAnswers, 'representatives'>, { kind: CollectedKind; item: ItemKey }> = {
  organisationName: { kind: 'organisation', item: 'item.organisationName' },
  stakeholderType: { kind: 'organisation', item: 'item.stakeholderType' },
  organisationFocus: { kind: 'organisation', item: 'item.organisationFocus' },
  country: { kind: 'organisation', item: 'item.country' },
  website: { kind: 'organisation', item: 'item.website' },
  areasOfWork: { kind: 'organisation', item: 'item.areasOfWork' },
  dialogueIds: { kind: 'participation', item: 'item.dialogueIds' },
  participation: { kind: 'participation', item: 'item.participation' },
  relevance: { kind: 'participation', item: 'item.relevance' },
  travelSupport: { kind: 'participation', item: 'item.travelSupport' },
  travelJustification: { kind: 'participation', item: 'item.travelJustification' },
  consent: { kind: 'consent', item: 'item.consent' },
};

/**
 * The rest of what a person's export holds, by kind. `applications` is the form above plus the
 * answers to reviewers' requests and where a draft stands.
 */
const EXPORT: Record<Exclude<keyof PersonalData, 'format' | 'exportedAt'>, { kind: CollectedKind; items: ItemKey[] }[]> = {
  decisions: [{ kind: 'review', items: ['item.decisions'] }],
  applications: [
    { kind: 'review', items: ['item.infoAnswers'] },
    { kind: 'messages', items: ['item.draft'] },
  ],
  person: [{ kind: 'account', items: ['item.person'] }],
  accounts: [{ kind: 'account', items: ['item.accounts'] }],
  questions: [{ kind: 'messages', items: ['item.questions'] }],
  messages: [{ kind: 'messages', items: ['item.messages'] }],
  subscriptions: [{ kind: 'messages', items: ['item.subscriptions'] }],
};

const ORDER: CollectedKind[] = ['representatives', 'organisation', 'participation', 'consent', 'review', 'account', 'messages'];

export interface CollectedGroup {
  kind: CollectedKind;
  title: string;
  items: string[];
  why: string;
}

/** Form answers by kind, in the form's order, each item in the reader's language. */
export function collectedData(l: Locale): CollectedGroup[] {
  const items = new Map<CollectedKind, ItemKey[]>(ORDER.map((k) => [k, []]));
  items.set('representatives', Object.values(REPRESENTATIVE));
  for (const { kind, item } of Object.values(ANSWERS)) items.get(kind)?.push(item);
  for (const parts of Object.values(EXPORT)) for (const { kind, items: list } of parts) items.get(kind)?.push(...list);
  return ORDER.map((kind) => ({
    kind,
    title: t(l, `notice.kind.${kind}`),
    items: (items.get(kind) ?? []).map((key) => t(l, `notice.${key}`)),
    why: t(l, 'notice.why.label', { why: t(l, `notice.why.${kind}`) }),
  }));
}

/** When a call's personal data goes (db/store/retention-plan.ts computes it for the retention job). */
export interface CallRetention {
  callId: string;
  retentionMonths: number;
  /** The date (YYYY-MM-DD) of the call's last dialogue, or null when one has no date yet. */
  lastDialogue: string | null;
  /** When personal data of submitted applications goes; null while the last dialogue is unknown. */
  eraseAt: string | null;
  draftsEraseAt: string;
}

/** The retention plan, as the public notice reads it. */
export interface RetentionSchedule {
  plan(): Promise<CallRetention[]>;
  /** Days after a call closes when drafts never submitted are erased. */
  draftDaysAfterClose: number;
}

export interface CallRetentionLines {
  callId: string;
  applications: string;
  drafts: string;
}

function day(iso: string, zone: string, l: Locale): string {
  return formatDay(DateTime.fromISO(iso, { zone: validZone(zone) ?? 'UTC' }), l);
}

/**
 * One sentence per current (not archived) call on its applications, and one on its drafts, in
 * the reader's language: the date each is or was erased, from `plan` and `now`.
 */
export function retentionLines(calls: readonly Call[], plan: readonly CallRetention[], now: Date, l: Locale): CallRetentionLines[] {
  const nowIso = now.toISOString();
  const byCall = new Map(plan.map((p) => [p.callId, p]));
  return calls
    .filter((c) => !c.archived)
    .flatMap((call) => {
      const p = byCall.get(call.id);
      if (!p) return [];
      const months = p.retentionMonths;
      const applications =
        p.eraseAt && p.lastDialogue
          ? t(l, p.eraseAt <= nowIso ? 'notice.retention.call.done' : 'notice.retention.call.due', {
              call: call.title,
              date: day(p.eraseAt, call.zone, l),
              months,
              last: formatDialogueDate(p.lastDialogue, l),
            })
          : t(l, 'notice.retention.call.unknown', { call: call.title, months });
      const drafts = t(l, p.draftsEraseAt <= nowIso ? 'notice.retention.drafts.done' : 'notice.retention.drafts.due', {
        call: call.title,
        date: day(p.draftsEraseAt, call.zone, l),
      });
      return [{ callId: call.id, applications, drafts }];
    });
}
