/**
 * A horizontal bar chart in plain SVG, drawn on the server: applicants and approved side by
 * side, the number beside each bar, a <title>/<desc> for screen readers and the same numbers
 * in a table below, because a chart alone is not accessible.
 */
import type { FC } from 'hono/jsx';

export interface Bar { label: string; applicants: number; approved: number }

const COLORS = { applicants: '#005b96', approved: '#00703c' };
const W = 720; const LABEL_W = 290; const BAR_H = 14; const GAP = 10; const NUM_W = 50;

export const BarChart: FC<{ id: string; title: string; group: string; bars: Bar[]; unit: string }> = ({ id, title, group, bars, unit }) => {
  const max = Math.max(1, ...bars.map((b) => b.applicants));
  const scale = (n: number) => (n / max) * (W - LABEL_W - NUM_W);
  const rowH = BAR_H * 2 + GAP;
  const h = Math.max(rowH, bars.length * rowH) + 4;
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : '—');
  const totals = bars.reduce((t, b) => ({ applicants: t.applicants + b.applicants, approved: t.approved + b.approved }), { applicants: 0, approved: 0 });
  const desc = bars.map((b) => `${b.label}: ${b.applicants} applicants, ${b.approved} approved`).join('; ');
  return (
    <figure class="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}><strong>{title}</strong> <span class="small muted">({unit})</span></figcaption>
      <div class="legend" aria-hidden="true">
        <span><span class="swatch applicants"></span>Applicants</span>
        <span><span class="swatch approved"></span>Approved</span>
      </div>
      {bars.length === 0 ? <p>No applications yet.</p> : (
        <svg viewBox={`0 0 ${W} ${h}`} width={W} height={h} role="img" aria-labelledby={`${id}-t ${id}-d`} xmlns="http://www.w3.org/2000/svg">
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{desc}</desc>
          {bars.map((b, i) => {
            const y = i * rowH + 2;
            return (
              <g>
                <text x={LABEL_W - 8} y={y + BAR_H + 4} text-anchor="end" font-size="14" fill="#1b1b1b">{b.label}</text>
                <rect x={LABEL_W} y={y} width={Math.max(1, scale(b.applicants))} height={BAR_H} fill={COLORS.applicants} />
                <text x={LABEL_W + scale(b.applicants) + 4} y={y + BAR_H - 3} font-size="13" fill="#1b1b1b">{b.applicants}</text>
                <rect x={LABEL_W} y={y + BAR_H} width={Math.max(1, scale(b.approved))} height={BAR_H} fill={COLORS.approved} />
                <text x={LABEL_W + scale(b.approved) + 4} y={y + BAR_H * 2 - 3} font-size="13" fill="#1b1b1b">{b.approved}</text>
              </g>
            );
          })}
        </svg>
      )}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{title}: numbers</caption>
          <thead><tr><th scope="col">{group}</th><th scope="col" class="num">Applicants</th><th scope="col" class="num">Share</th><th scope="col" class="num">Approved</th><th scope="col" class="num">Share</th></tr></thead>
          <tbody>
            {bars.map((b) => <tr><th scope="row">{b.label}</th><td class="num">{b.applicants}</td><td class="num">{pct(b.applicants, totals.applicants)}</td><td class="num">{b.approved}</td><td class="num">{pct(b.approved, totals.approved)}</td></tr>)}
            <tr><th scope="row">Total</th><td class="num">{totals.applicants}</td><td class="num"></td><td class="num">{totals.approved}</td><td class="num"></td></tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
};
