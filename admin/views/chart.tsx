/**
 * A horizontal bar chart in plain SVG, drawn on the server: applicants, recommended and approved
 * side by side, the number beside each bar, a <title>/<desc> for screen readers and the same numbers
 * in a table below, because a chart alone is not accessible.
 */
import type { FC } from 'hono/jsx';

export interface Bar {
  label: string;
  applicants: number;
  /** Recommended by reviewers, waiting for the approval body. */
  recommended?: number;
  approved: number;
  /** Target share (0..1) the secretariat set for this group, if any. */
  target?: number;
  /** The group's share of recommended + approved is below its target. */
  under?: boolean;
}

const COLORS = { applicants: '#005b96', recommended: '#8a5a00', approved: '#00703c' };
// Each label sits on its own line above its two bars, so the drawing stays narrow: on a phone it
// is scaled down by little and its text stays readable, where labels beside the bars made it tiny.
const W = 440;
const LABEL_H = 20;
const BAR_H = 14;
const GAP = 12;
const NUM_W = 44;

export const BarChart: FC<{ id: string; title: string; group: string; bars: Bar[]; unit: string }> = ({ id, title, group, bars, unit }) => {
  const max = Math.max(1, ...bars.map((b) => b.applicants));
  const scale = (n: number) => (n / max) * (W - NUM_W);
  const rowH = LABEL_H + BAR_H * 3 + GAP;
  const h = Math.max(rowH, bars.length * rowH) + 4;
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '—');
  const totals = bars.reduce(
    (t, b) => ({
      applicants: t.applicants + b.applicants,
      recommended: t.recommended + (b.recommended ?? 0),
      approved: t.approved + b.approved,
    }),
    { applicants: 0, recommended: 0, approved: 0 },
  );
  const desc = bars
    .map(
      (b) =>
        `${b.label}: ${b.applicants} applicants, ${b.recommended ?? 0} recommended, ${b.approved} approved${b.under ? ', below target' : ''}`,
    )
    .join('; ');
  const targets = bars.some((b) => b.target !== undefined);
  return (
    <figure class="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <strong>{title}</strong> <span class="small muted">({unit})</span>
      </figcaption>
      <div class="legend" aria-hidden="true">
        <span>
          <span class="swatch applicants"></span>Applicants
        </span>
        <span>
          <span class="swatch recommended"></span>Recommended
        </span>
        <span>
          <span class="swatch approved"></span>Approved
        </span>
      </div>
      {bars.length === 0 ? (
        <p>No applications yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${h}`}
          width={W}
          height={h}
          role="img"
          aria-labelledby={`${id}-t ${id}-d`}
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{desc}</desc>
          {bars.map((b, i) => {
            const y = i * rowH + 2;
            const top = y + LABEL_H;
            return (
              <g>
                <text x={0} y={y + 15} font-size="15" fill={b.under ? '#b10e1e' : '#1b1b1b'} font-weight={b.under ? 'bold' : undefined}>
                  {b.under ? `${b.label} (below target)` : b.label}
                </text>
                <rect x={0} y={top} width={Math.max(1, scale(b.applicants))} height={BAR_H} fill={COLORS.applicants} />
                <text x={scale(b.applicants) + 4} y={top + BAR_H - 2} font-size="14" fill="#1b1b1b">
                  {b.applicants}
                </text>
                <rect x={0} y={top + BAR_H} width={Math.max(1, scale(b.recommended ?? 0))} height={BAR_H} fill={COLORS.recommended} />
                <text x={scale(b.recommended ?? 0) + 4} y={top + BAR_H * 2 - 2} font-size="14" fill="#1b1b1b">
                  {b.recommended ?? 0}
                </text>
                <rect x={0} y={top + BAR_H * 2} width={Math.max(1, scale(b.approved))} height={BAR_H} fill={COLORS.approved} />
                <text x={scale(b.approved) + 4} y={top + BAR_H * 3 - 2} font-size="14" fill="#1b1b1b">
                  {b.approved}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{title}: numbers</caption>
          <thead>
            <tr>
              <th scope="col">{group}</th>
              <th scope="col" class="num">
                {'Appli\u00adcants'}
              </th>
              <th scope="col" class="num">
                {'Recom\u00admended'}
              </th>
              <th scope="col" class="num">
                {'Ap\u00adproved'}
              </th>
              <th scope="col" class="num">
                <span aria-hidden="true">%</span>
                <span class="visually-hidden">Share of those recommended or approved</span>
              </th>
              {targets && (
                <th scope="col" class="num">
                  Target
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr class={b.under ? 'under' : undefined}>
                <th scope="row">
                  {b.label}
                  {b.under ? <strong class="under-note"> — below target</strong> : ''}
                </th>
                <td class="num">{b.applicants}</td>
                <td class="num">{b.recommended ?? 0}</td>
                <td class="num">{b.approved}</td>
                <td class="num">{pct((b.recommended ?? 0) + b.approved, totals.recommended + totals.approved)}</td>
                {targets && <td class="num">{b.target === undefined ? '—' : `${Math.round(b.target * 100)}%`}</td>}
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              <td class="num">{totals.applicants}</td>
              <td class="num">{totals.recommended}</td>
              <td class="num">{totals.approved}</td>
              <td class="num"></td>
              {targets && <td class="num"></td>}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
};
