/**
 * One round for the secretariat: its organisations with their outcome, every objection (only
 * the secretariat sees who objected), and cancelling it while it is open.
 */
import type { FC } from 'hono/jsx';
import type { StandingObjection } from '../../db/store/objections';
import type { Round } from '../../db/store/rounds';
import { ROUND_ZONE } from '../../domain/approval';
import { countryName } from '../../domain/countries';
import type { RoundOrganisation } from '../queries/rounds';
import { viennaDeadline } from './format';
import { Csrf } from './layout';
import { BODY_WORDS } from './rounds';
import { localTime } from './zone';

export const RoundDetail: FC<{
  round: Round;
  dialogueName: string;
  orgs: RoundOrganisation[];
  objections: StandingObjection[];
  who: Map<string, string>;
  zone: string | null;
  csrf: string;
}> = ({ round, dialogueName, orgs, objections, who, zone, csrf }) => (
  <>
    <h1>Round: {dialogueName}</h1>
    <p>
      Sent to the {BODY_WORDS[round.body]} on {viennaDeadline(round.sentAt)}. Status: <strong>{round.status}</strong>. Closes{' '}
      {viennaDeadline(round.closesAt)}
      {zone && zone !== ROUND_ZONE ? ` — ${localTime(round.closesAt, zone)}` : ''}.
    </p>
    {round.cancelReason && (
      <p>
        Cancelled on {viennaDeadline(round.cancelledAt ?? '')}: {round.cancelReason}
      </p>
    )}
    <h2>Organisations ({orgs.length})</h2>
    <div class="table-wrap">
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Organisation</th>
            <th scope="col">Country</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {orgs.map((o) => (
            <tr>
              <td data-label="Reference">
                <a href={`/admin/applications/${encodeURIComponent(o.applicationId)}`}>{o.reference}</a>
              </td>
              <td data-label="Organisation">
                {o.name}
                {o.note ? (
                  <>
                    <br />
                    <span class="small muted">Note: {o.note}</span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td data-label="Country">{countryName(o.country)}</td>
              <td data-label="Outcome">{o.outcome ?? (round.status === 'open' ? 'in the round' : '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2>Objections ({objections.filter((o) => !o.withdrawnAt).length} standing)</h2>
    <p class="small muted">Only the secretariat sees objections and who made them.</p>
    {objections.length === 0 ? (
      <p>No objection.</p>
    ) : (
      <ul>
        {objections.map((o) => (
          <li>
            {countryName(o.state)} ({who.get(o.userId) ?? o.userId}) on {orgs.find((x) => x.applicationId === o.applicationId)?.reference}:
            “{o.reason}” — {viennaDeadline(o.createdAt)}
            {o.withdrawnAt ? ` — withdrawn ${viennaDeadline(o.withdrawnAt)}` : ''}
          </li>
        ))}
      </ul>
    )}
    {round.status === 'open' && (
      <form method="post" action={`/admin/rounds/${encodeURIComponent(round.id)}/cancel`} novalidate>
        <Csrf token={csrf} />
        <h2>Cancel this round</h2>
        <p class="hint">A sent round cannot be edited. Cancelling it approves nothing; its applications can go into a new round.</p>
        <div class="field">
          <label for="f-reason">Reason for cancelling</label>
          <textarea id="f-reason" name="reason" rows={2}></textarea>
        </div>
        <div class="actions">
          <button type="submit" class="danger">
            Cancel the round
          </button>
        </div>
      </form>
    )}
  </>
);
