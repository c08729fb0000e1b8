/**
 * The admin panel's only script, served from /admin/assets/admin.js (CSP script-src 'self'). It
 * only enhances: every page works without it.
 */

// Countdowns: the server's clock may be set to another date (DIALOGUES_CLOCK), so count from the
// server's "now" embedded in the page rather than from the browser's.
const root = document.querySelector('[data-server-now]');
if (root) {
  const offset = Date.parse(root.getAttribute('data-server-now') ?? '') - Date.now();
  const tick = () => {
    for (const el of document.querySelectorAll('[data-countdown]')) {
      const ms = Date.parse(el.getAttribute('data-countdown') ?? '') - (Date.now() + offset);
      if (ms <= 0) {
        el.textContent = 'now';
        continue;
      }
      const m = Math.floor(ms / 60000);
      const d = Math.floor(m / 1440);
      const h = Math.floor((m % 1440) / 60);
      const mm = m % 60;
      el.textContent = `${d ? `${d} d ` : ''}${d || h ? `${h} h ` : ''}${mm} min`;
    }
  };
  tick();
  setInterval(tick, 30000);
}

document.addEventListener('submit', (e) => {
  const form = e.target;
  const msg = form instanceof Element ? form.getAttribute('data-confirm') : null;
  if (msg && !window.confirm(msg)) e.preventDefault();
});

const summary = document.querySelector<HTMLElement>('.error-summary');
if (summary) summary.focus();

// Times are drawn on the server in each viewer's zone (luxon): tell it the browser's zone.
try {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const cookie = `dd_tz=${encodeURIComponent(tz)}`;
  if (tz && document.cookie.indexOf(cookie) < 0) {
    document.cookie = `${cookie}; path=/admin; max-age=31536000; samesite=lax`;
    if (document.querySelector('[data-local-time]')) location.reload();
  }
} catch {
  // An old browser without time zone support: times stay in the panel's default zone.
}
