/**
 * The form that sends a new non-objection round: the applications (all recommended ones chosen,
 * a note required for each sent again after an objection) and the closing time.
 */
import type { FC } from 'hono/jsx';
import { twoStage } from '../../domain/approval';
import type { ApprovalBody } from '../../domain/types';
import { countryName } from '../../domain/countries';
import type { RawForm } from '../form';
import type { Candidate } from '../queries/rounds';
import { ErrorSummary, type Errors } from './fields';
import { Csrf } from './layout';
import { BODY_WORDS } from './rounds';

export const NewRoundForm: FC<{
  callId: string;
  dialogueId: string;
  dialogueName: string;
  body: ApprovalBody;
  list: Candidate[];
  chosen: Set<string>;
  closes: string;
  values: RawForm;
  errors: Errors;
  csrf: string;
}> = ({ callId, dialogueId, dialogueName, body, list, chosen, closes, values, errors, csrf }) => (
  <>
    <h1>New round: {dialogueName}</h1>
    <p>
      Sent to: <strong>{BODY_WORDS[body]}</strong> (non-objection).{' '}
      {twoStage(body) ? '' : 'This call has the secretariat decide: no round is needed.'}
    </p>
    <ErrorSummary errors={errors} />
    <form method="post" action="/admin/rounds/new" novalidate>
      <Csrf token={csrf} />
      <input type="hidden" name="call_id" value={callId} />
      <input type="hidden" name="dialogue_id" value={dialogueId} />
      <fieldset class={errors.application_ids ? 'field checks has-error' : 'field checks'} id="f-application_ids">
        <legend>Applications in this round</legend>
        <p class="hint">All recommended applications are chosen. Once sent, the list cannot be changed; the round can only be cancelled.</p>
        {list.map((x) => (
          <div>
            <label>
              <input
                type="checkbox"
                name="application_ids"
                value={x.applicationId}
                checked={chosen.has(x.applicationId)}
                disabled={Boolean(x.liveRoundId)}
              />{' '}
              {x.reference} — {x.organisation} ({x.country ? countryName(x.country) : '—'}, {x.regionalGroup ?? '—'})
              {x.status === 'objected' ? ' — objected in an earlier round' : ''}
              {x.liveRoundId ? ' — already in an open round' : ''}
            </label>
            {x.status === 'objected' && !x.liveRoundId && (
              <div class={errors[`note_${x.applicationId}`] ? 'field has-error' : 'field'}>
                <label for={`f-note_${x.applicationId}`}>Note for the States parties about {x.reference} (required to send it again)</label>
                {errors[`note_${x.applicationId}`] && <p class="error">{errors[`note_${x.applicationId}`]}</p>}
                <textarea id={`f-note_${x.applicationId}`} name={`note_${x.applicationId}`} rows={2}>
                  {String(values[`note_${x.applicationId}`] ?? '')}
                </textarea>
              </div>
            )}
          </div>
        ))}
      </fieldset>
      <div class={errors.closes_local ? 'field has-error' : 'field'}>
        <label for="f-closes_local">Closes (Vienna time)</label>
        <p class="hint" id="closes-hint">
          Default: the end of the 10th working day from today, Vienna time. Objections are accepted strictly before this moment.
        </p>
        {errors.closes_local && <p class="error">{errors.closes_local}</p>}
        <input id="f-closes_local" name="closes_local" type="datetime-local" value={closes} aria-describedby="closes-hint" />
      </div>
      <div class="actions">
        <button type="submit">Send the round</button>
        <a href="/admin/rounds">Cancel</a>
      </div>
    </form>
  </>
);
