/**
 * The dashboard's outbox section: how many messages wait and since when, and each message that
 * has been failing for more than an hour, with its last error and a "Retry now" button.
 */
import type { FC } from 'hono/jsx';
import type { StuckMessage } from '../queries/outbox';
import { relative, utcTime, viennaTime } from './format';
import { Csrf } from './layout';
import { DataTable } from './table';

export const OutboxPanel: FC<{
  waiting: number;
  oldest: string | null;
  failing: StuckMessage[];
  now: Date;
  csrf: string;
  canRetry: boolean;
}> = ({ waiting, oldest, failing, now, csrf, canRetry }) => (
  <section aria-labelledby="outbox-h" id="outbox">
    <h2 id="outbox-h">Outgoing messages</h2>
    <p>
      {waiting === 0 ? (
        'Nothing is waiting to be sent.'
      ) : (
        <>
          Waiting to be sent: <strong>{waiting}</strong>
          {oldest && (
            <>
              , the oldest written {relative(oldest, now)} ({viennaTime(oldest)})
            </>
          )}
          .
        </>
      )}
    </p>
    {failing.length === 0 ? (
      <p>No message has been failing for more than an hour.</p>
    ) : (
      <DataTable
        caption={`Failing for more than an hour: ${failing.length}`}
        columns={['Written', 'Message', 'Attempts', 'Last error', ...(canRetry ? ['Action'] : [])]}
      >
        {failing.map((m) => (
          <tr>
            <td data-label="Written">
              {viennaTime(m.createdAt)}
              <br />
              <span class="small muted">{utcTime(m.createdAt)}</span>
            </td>
            <td data-label="Message">
              {m.purpose.replace(/_/g, ' ')} on {m.platform}
              {m.status === 'failed' ? (
                <>
                  {' '}
                  <span class="badge">gave up</span>
                </>
              ) : (
                ''
              )}
            </td>
            <td data-label="Attempts" class="num">
              {m.attempts}
            </td>
            <td data-label="Last error">
              <code>{(m.lastError ?? '').slice(0, 200)}</code>
            </td>
            {canRetry && (
              <td data-label="Action">
                <form method="post" action={`/admin/outbox/${encodeURIComponent(m.id)}/retry`}>
                  <Csrf token={csrf} />
                  <button type="submit">
                    Retry now
                    <span class="visually-hidden">
                      {' '}
                      the {m.purpose.replace(/_/g, ' ')} written {viennaTime(m.createdAt)}
                    </span>
                  </button>
                </form>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
    )}
  </section>
);
