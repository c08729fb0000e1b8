/**
 * The script of the application form inside a Teams dialog (/teams/dialog/app.js). The page
 * carries the signed dialog token and the first answer (#state) and the words in every language
 * (#words); each step goes to /teams/dialog/api with the token, and the submitted application
 * closes the dialog through TeamsJS.
 */
import type { FormView } from '../domain/messages';
import type { DialogAnswer } from '../bot/teams/dialog';
import { el, formStep, setFormWords, setLanguage, type Words } from './_form';

/** The part of TeamsJS (its UMD build, loaded by the page before this script) that is used here. */
interface TeamsJs {
  app: {
    initialize(): Promise<void>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    getContext(): Promise<{ app: { theme: string } }>;
    notifySuccess(): void;
  };
  dialog?: { url?: { submit(result: unknown): void } };
}
declare global {
  interface Window {
    microsoftTeams?: TeamsJs;
  }
}

const json = (id: string): unknown => JSON.parse(document.getElementById(id)?.textContent ?? 'null');
const state = json('state') as { token?: string; answer: DialogAnswer };
const words = json('words') as { form: Words; page: Words };
setFormWords(words.form);
const main = document.getElementById('main') as HTMLElement;
let LOCALE: string = state.answer?.locale || 'en';
const say = (key: string): string => (words.page[LOCALE] ?? words.page.en ?? {})[key] ?? '';

function applyTheme(theme: string): void {
  document.body.classList.remove('theme-dark', 'theme-contrast');
  if (theme === 'dark' || theme === 'contrast') document.body.classList.add(`theme-${theme}`);
}

// Outside Teams (or without TeamsJS) the form still works; only the closing step is skipped.
const teams = window.microsoftTeams;
const inTeams: Promise<boolean> = teams
  ? teams.app
      .initialize()
      .then(() => {
        teams.app.registerOnThemeChangeHandler(applyTheme);
        teams.app
          .getContext()
          .then((ctx) => applyTheme(ctx.app.theme))
          .catch(() => {});
        teams.app.notifySuccess();
        return true;
      })
      .catch(() => false)
  : Promise.resolve(false);

function note(n: DialogAnswer['notes'][number]): HTMLElement {
  const box = el('div', { class: 'note' });
  if (n.title) box.append(el('h2', {}, n.title));
  if (n.text) box.append(el('p', {}, n.text));
  if (n.fields?.length)
    box.append(
      el(
        'dl',
        {},
        n.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]),
      ),
    );
  return box;
}

function render(answer: DialogAnswer): void {
  LOCALE = answer.locale || LOCALE;
  setLanguage(LOCALE, LOCALE === 'ar' ? 'rtl' : 'ltr');
  main.replaceChildren(el('h1', { class: 'sr' }, say('form.title')));
  const live = el('div', { role: 'status', 'aria-live': 'polite' });
  main.append(live);
  for (const n of answer.notes) live.append(note(n));
  const fv = answer.form;
  if (fv) {
    const form = formStep(fv, (values, f) => void send(fv, values, f));
    main.append(form);
    const bad = form.querySelector<HTMLElement>('[aria-invalid=true]');
    const target = bad ?? form.querySelector<HTMLElement>('input, textarea, select, button');
    if (target) target.focus();
    window.scrollTo(0, 0);
  } else {
    main.append(el('p', {}, answer.done ? say('form.done') : say('form.continueInChat')));
    main.focus();
  }
  if (answer.done) finish(answer.done.reference);
}

function problem(form: HTMLFormElement, text: string): void {
  for (const p of form.querySelectorAll('.problem')) p.remove();
  form.append(el('p', { class: 'err problem', role: 'alert' }, text));
}

async function send(fv: FormView, values: Record<string, string | string[]>, form: HTMLFormElement): Promise<void> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch('/teams/dialog/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${state.token}` },
      body: JSON.stringify({ formId: fv.formId, draftId: fv.draftId, stepId: fv.stepId, values }),
    });
    if (res.status === 401) {
      main.replaceChildren(el('h1', {}, say('form.expiredTitle')), el('p', { role: 'alert' }, say('form.expired')));
      return;
    }
    if (!res.ok) {
      problem(form, say('form.failed'));
      return;
    }
    render((await res.json()) as DialogAnswer);
  } catch {
    problem(form, say('form.offline'));
  } finally {
    if (button) button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function finish(reference: string): void {
  // Teams closes the dialog and sends the result to the bot as task/submit.
  inTeams
    .then((yes) => {
      if (yes && window.microsoftTeams?.dialog?.url) window.microsoftTeams.dialog.url.submit({ reference });
    })
    .catch(() => {
      // the page already says what happened
    });
}

render(state.answer);
