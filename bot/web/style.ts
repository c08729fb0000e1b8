/**
 * The look of the application form pages, shared by the Teams dialog page (bot/teams) and the
 * applicant pages (/apply, /my): the same form markup, styled once. No inline styles anywhere,
 * so both pages keep a strict style-src CSP.
 */
export const FORM_PAGE_CSS = `
*{box-sizing:border-box}
body{font:15px/1.5 "Segoe UI",system-ui,sans-serif;margin:0;padding:1rem 1.25rem 2rem;background:#fff;color:#242424}
main{max-width:44rem;outline:none}
h1{font-size:1.3rem;font-weight:600}
.card{border:0;padding:0;margin:0 0 1rem}
.card h3{font-size:1.15rem;font-weight:600;margin:0 0 .5rem}
.note{border-left:4px solid #5b5fc7;background:#f5f5f5;padding:.5rem .8rem;margin:0 0 1rem;border-radius:4px;white-space:pre-wrap}
.note h2{font-size:1rem;margin:0 0 .25rem}
dl{display:grid;grid-template-columns:minmax(7rem,35%) minmax(0,1fr);gap:.3rem .8rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:480px){dl{grid-template-columns:minmax(0,1fr)}dd{margin-bottom:.4rem}}
form.step label{display:block;font-weight:600;margin-top:.9rem}
form.step .help{font-weight:400;font-size:.85rem;opacity:.8}
form.step input[type=text],form.step textarea,form.step select{width:100%;font:inherit;padding:.4rem .5rem;border:1px solid #8a8886;border-radius:4px;background:#fff;color:inherit}
form.step [aria-invalid=true]{border-color:#c4314b}
.err{color:#c4314b;font-size:.9rem;margin:.25rem 0 0}
button{font:inherit;font-weight:600;padding:.45rem 1.2rem;border-radius:4px;border:1px solid #5b5fc7;background:#5b5fc7;color:#fff;cursor:pointer;margin-top:1.2rem}
button[disabled]{opacity:.6;cursor:progress}
button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:1px}
.sr{position:absolute;left:-9999px}`;

/** What the applicant pages add: header, navigation, cards with buttons, messages. */
export const WEB_CSS = `
body{padding:0}
.top{background:#1d3557;color:#fff;padding:.6rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.top a,.top .linkish{color:#fff}
.top .brand{font-weight:600;text-decoration:none;margin-right:auto}
.top nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0;align-items:center}
.top form{display:inline}
.linkish{background:none;border:0;padding:0;margin:0;font:inherit;text-decoration:underline;cursor:pointer;font-weight:400}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem;z-index:2}
main{margin:0 auto;padding:1rem 1.25rem 2rem}
.box{border:1px solid #c8c6c4;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
.box h2{font-size:1.1rem;margin:0 0 .4rem}
.sub{font-weight:600;margin:.1rem 0 .4rem}
.pre{white-space:pre-wrap;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
.actions form{margin:0}
.actions button{margin-top:.4rem}
button.secondary{background:#fff;color:#1d3557;border-color:#1d3557}
button.danger{background:#a4262c;border-color:#a4262c}
.alert{border-left:4px solid #a4262c;background:#fdf3f4;padding:.5rem .8rem;margin:0 0 1rem}
.ok{border-left:4px solid #107c10;background:#f1faf1;padding:.5rem .8rem;margin:0 0 1rem}
.info{border-left:4px solid #5b5fc7;background:#f5f5f5;padding:.5rem .8rem;margin:0 0 1rem}
form.step input[type=email],form.step input[inputmode=numeric]{width:100%;font:inherit;padding:.4rem .5rem;border:1px solid #8a8886;border-radius:4px}
form.step fieldset{border:0;padding:0;margin:.9rem 0 0}
form.step legend{font-weight:600;padding:0}
.row{display:flex;gap:.5rem;align-items:flex-start;margin:.3rem 0}
.row input{margin-top:.3rem}
.row label{font-weight:400;margin:0}
form.step .row label{display:inline;font-weight:400;margin-top:0}
`;
