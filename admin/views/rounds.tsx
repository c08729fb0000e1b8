/**
 * The approval rounds overview and the pieces other approval pages share: the rounds table, the
 * "New round" link, the approval bodies' names and the notices their redirects carry.
 */
import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { Round } from '../../db/store/rounds';
import { ROUND_ZONE } from '../../domain/approval';
import type { AdminEnv } from '../env';
import type { WaitingForRound } from '../queries/rounds';
import { noticeFrom } from '../render';
import { viennaDeadline } from './format';
import { localTime } from './zone';

export const BODY_WORDS = { states_parties: 'States parties', extended_bureau: 'Extended Bureau', secretariat: 'Secretariat' } as const;

const NOTICES: Record<string, { text: string; bad?: boolean }> = {
  round_sent: { text: 'Round sent. Its list is frozen; focal points see it when they sign in.' },
  round_cancelled: { text: 'Round cancelled. Its applications can go into a new round.' },
  round_not_open: { text: 'This round is not open any more, so it cannot be cancelled. Nothing changed.', bad: true },
  round_cancel_reason: { text: 'Write the reason for cancelling (at least 5 characters). Nothing changed.', bad: true },
  rejected_after_objection: { text: 'Rejected. The applicant is told through the outbox.' },
  not_objected: { text: 'This application is not waiting as objected (it may be in a new round). Nothing changed.', bad: true },
  reject_reason: { text: 'Write the reason for the rejection (at least 5 characters). Nothing changed.', bad: true },
  approval_saved: { text: 'Saved.' },
};

export function roundNotices(c: Context<AdminEnv>): { text: string; bad?: boolean } | null {
  const code = c.req.query('notice');
  return (code && NOTICES[code]) || noticeFrom(c);
}

export const StageLink: FC<{ callId: string; dialogueId: string }> = ({ callId, dialogueId }) => (
  <a class="button" href={`/admin/rounds/new?call=${encodeURIComponent(callId)}&dialogue=${encodeURIComponent(dialogueId)}`}>
    New round
  </a>
);

export const RoundTable: FC<{ rounds: Round[]; names: Map<string, string>; zone: string | null }> = ({ rounds, names, zone }) =>
  rounds.length === 0 ? (
    <p>No round has been sent yet.</p>
  ) : (
    <div class="table-wrap">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">Dialogue</th>
            <th scope="col">Sent</th>
            <th scope="col">Closes</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr>
              <td data-label="Dialogue">
                <a href={`/admin/rounds/${encodeURIComponent(r.id)}`}>{names.get(r.dialogueId) ?? r.dialogueId}</a>
              </td>
              <td data-label="Sent">{viennaDeadline(r.sentAt)}</td>
              <td data-label="Closes">
                {viennaDeadline(r.closesAt)}
                {zone && zone !== ROUND_ZONE ? (
                  <>
                    <br />
                    <span class="small muted" data-local-time>
                      {localTime(r.closesAt, zone)}
                    </span>
                  </>
                ) : (
                  <span data-local-time></span>
                )}
              </td>
              <td data-label="Status">{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

export const RoundsOverview: FC<{ ready: WaitingForRound[]; rounds: Round[]; names: Map<string, string>; zone: string | null }> = ({
  ready,
  rounds,
  names,
  zone,
}) => (
  <>
    <h1>Approval rounds</h1>
    <p>
      What reviewers approve is a recommendation when a call's approval body is the States parties or the Extended Bureau: send it in a
      non-objection round. <a href="/admin/rounds/settings">Approval body and balance targets per call</a>.
    </p>
    <h2>Waiting for a round</h2>
    {ready.length === 0 ? (
      <p>No recommended application is waiting for a round.</p>
    ) : (
      <ul>
        {ready.map((r) => (
          <li>
            {r.callTitle} — {names.get(r.dialogueId) ?? r.dialogueId}: {r.recommended} recommended
            {r.objected ? `, ${r.objected} objected` : ''} <StageLink callId={r.callId} dialogueId={r.dialogueId} />
          </li>
        ))}
      </ul>
    )}
    <h2>Rounds</h2>
    <RoundTable rounds={rounds} names={names} zone={zone} />
  </>
);
