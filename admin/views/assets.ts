/**
 * The panel's only stylesheet and script, served from /admin/assets so that nothing comes from a
 * CDN and the Content-Security-Policy can stay 'self'. The script only enhances: every page
 * works without it.
 */
export const ADMIN_CSS = `
:root{--ink:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--bg:#f3f4f5;--brand:#005b96;--brand-dark:#003f69;--ok:#00703c;--bad:#b10e1e;--warn:#7a4d00;--focus:#ffbf47;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);line-height:1.45}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.muted-light{opacity:.85}
*{box-sizing:border-box}body{margin:0;background:#fff;font-size:1rem}
a{color:var(--brand)}a:hover{color:var(--brand-dark)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-999px;top:0;background:var(--focus);color:var(--ink);padding:.5rem 1rem;z-index:9}
.skip:focus{left:.5rem}
header.top{background:var(--brand-dark);color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
header.top a{color:#fff}.brand{font-weight:700;font-size:1.1rem;text-decoration:none;margin-right:auto}
header.top .who{font-size:.9rem}
nav.main{background:var(--bg);border-bottom:1px solid var(--line)}
nav.main ul{list-style:none;margin:0;padding:0 .5rem;display:flex;flex-wrap:wrap}
nav.main a{display:block;padding:.6rem .7rem;text-decoration:none;color:var(--ink)}
nav.main a[aria-current=page]{font-weight:700;border-bottom:4px solid var(--brand);padding-bottom:calc(.6rem - 4px)}
main{padding:1rem;max-width:80rem;margin:0 auto}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem}
.muted{color:var(--muted)}.small{font-size:.875rem}
.notice{border-left:6px solid var(--ok);background:#e6f3ec;padding:.6rem 1rem;margin:0 0 1rem}
.notice.bad{border-color:var(--bad);background:#fbeaec}
.error-summary{border:4px solid var(--bad);padding:.75rem 1rem;margin:0 0 1rem}
.error-summary h2{margin-top:0;font-size:1.1rem}
.field{margin:0 0 1rem}.field label,.field legend{display:block;font-weight:600;margin-bottom:.25rem}
.field .hint{color:var(--muted);font-size:.9rem;margin:0 0 .25rem}
.field .error{color:var(--bad);font-weight:600;margin:0 0 .25rem}
.field.has-error{border-left:4px solid var(--bad);padding-left:.75rem}
input[type=text],input[type=email],input[type=password],input[type=url],input[type=search],input[type=date],input[type=datetime-local],input[type=number],select,textarea{font:inherit;width:100%;max-width:40rem;padding:.45rem .5rem;border:2px solid var(--ink);border-radius:0;background:#fff}
textarea{min-height:6rem}.has-error input,.has-error select,.has-error textarea{border-color:var(--bad)}
fieldset{border:0;padding:0;margin:0 0 1rem}.checks label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.2rem 0}
.checks input{width:1.2rem;height:1.2rem}
button,.button{font:inherit;display:inline-block;background:var(--brand);color:#fff;border:2px solid transparent;padding:.45rem 1rem;cursor:pointer;text-decoration:none;border-radius:3px}
button:hover,.button:hover{background:var(--brand-dark);color:#fff}
button.secondary,.button.secondary{background:#fff;color:var(--brand);border-color:var(--brand)}
button.danger{background:var(--bad)}button.link{background:none;color:inherit;text-decoration:underline;padding:0;border:0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
.table-wrap{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem;margin:0 0 1rem}
.card{border:1px solid var(--line);padding:.75rem 1rem;border-top:5px solid var(--brand)}
.card h3{margin:.1rem 0 .4rem}.big{font-size:1.8rem;font-weight:700}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85rem;background:var(--bg);border:1px solid var(--line)}
.badge.approved{background:#e6f3ec;border-color:var(--ok)}.badge.rejected{background:#fbeaec;border-color:var(--bad)}.badge.pending,.badge.info_requested{background:#fff4e0;border-color:var(--warn)}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.25rem 1rem;background:var(--bg);padding:1rem;margin:0 0 1rem}
.filters .field{margin:0 0 .5rem}.filters .wide{grid-column:1/-1}
dl.answers{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.3rem 1rem;margin:0 0 1rem}
dl.answers dt{font-weight:600}dl.answers dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.chart svg{max-width:100%;height:auto}.chart{margin:0 0 1.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem;margin:.25rem 0}.swatch{display:inline-block;width:1rem;height:.8rem;margin-right:.3rem;vertical-align:middle}.swatch.applicants{background:#005b96}.swatch.approved{background:#00703c}.swatch.recommended{background:#8a5a00}tr.under th,tr.under td{background:#fbe9eb}.under-note{color:#b10e1e}
.charts{max-width:52rem}.chart table{max-width:40rem}td.ref{white-space:nowrap}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem 2rem}
form.inline{display:inline}
pre.detail{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;margin:0}
@media (max-width:40rem){main{padding:.75rem}dl.answers{grid-template-columns:1fr}dl.answers dd{margin-bottom:.5rem}
 table.stack thead{position:absolute;left:-999px}table.stack tr{display:block;border-bottom:2px solid var(--line);padding:.25rem 0}
 table.stack td{display:block;border:0;padding:.15rem .25rem}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
 table.stack td.num{text-align:left}
 .chart th,.chart td{padding:.35rem .25rem;font-size:.875rem}.chart th{hyphens:auto}}
`;

export const ADMIN_JS = `
(function(){
  // Countdowns: the server's clock may be set to another date (DIALOGUES_CLOCK), so count from
  // the server's "now" embedded in the page rather than from the browser's.
  var root=document.querySelector('[data-server-now]');
  if(root){var offset=Date.parse(root.getAttribute('data-server-now'))-Date.now();
    var tick=function(){document.querySelectorAll('[data-countdown]').forEach(function(el){
      var ms=Date.parse(el.getAttribute('data-countdown'))-(Date.now()+offset);
      if(ms<=0){el.textContent='now';return}
      var m=Math.floor(ms/60000),d=Math.floor(m/1440),h=Math.floor(m%1440/60),mm=m%60;
      el.textContent=(d?d+' d ':'')+(d||h?h+' h ':'')+mm+' min';});};
    tick();setInterval(tick,30000);}
  document.addEventListener('submit',function(e){var f=e.target;var msg=f.getAttribute('data-confirm');
    if(msg&&!window.confirm(msg))e.preventDefault();});
  var summary=document.querySelector('.error-summary');if(summary)summary.focus();
  // Times are drawn on the server in each viewer's zone (luxon): tell it the browser's zone.
  try{var tz=Intl.DateTimeFormat().resolvedOptions().timeZone;
    if(tz&&document.cookie.indexOf('dd_tz='+encodeURIComponent(tz))<0){document.cookie='dd_tz='+encodeURIComponent(tz)+'; path=/admin; max-age=31536000; samesite=lax';
      if(document.querySelector('[data-local-time]'))location.reload();}}catch(e){}
})();
`;
