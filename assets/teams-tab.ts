/**
 * The script of the pages Teams shows in its frame, inline in each page after TeamsJS: the
 * personal "My application" tab and the configuration page of the admin panel's channel tab.
 * What differs per page comes as JSON in #tab.
 */
type TabData =
  /** `welcome` holds `slot` where the person's name goes (the sentence stays one catalogue message). */
  { page: 'application'; welcome: string; slot: string; locale: string; openChat: string } | { page: 'config'; adminUrl: string };

/** The part of TeamsJS (its UMD build, loaded by the page before this script) that is used here. */
interface TeamsJs {
  app: {
    initialize(): Promise<void>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    getContext(): Promise<{ app: { theme: string }; user?: { displayName?: string } }>;
    notifySuccess(): void;
  };
  authentication: { getAuthToken(): Promise<string> };
  pages: {
    config: {
      registerOnSaveHandler(handler: (save: { notifySuccess(): void; notifyFailure(reason: string): void }) => void): void;
      setConfig(config: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): Promise<void>;
      setValidityState(valid: boolean): void;
    };
  };
}
declare const microsoftTeams: TeamsJs;

const data = JSON.parse(document.getElementById('tab')?.textContent ?? '{}') as TabData;

function applyTheme(theme: string): void {
  document.body.classList.remove('theme-dark', 'theme-contrast');
  if (theme === 'dark' || theme === 'contrast') document.body.classList.add(`theme-${theme}`);
}

if (data.page === 'application') {
  // Context is used for the greeting and zone only: it is not proof of who the user is, so no
  // personal data is shown from it. The name goes in as text, never as markup.
  microsoftTeams.app
    .initialize()
    .then(() => {
      microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
      return microsoftTeams.app.getContext();
    })
    .then((ctx) => {
      applyTheme(ctx.app.theme);
      const hello = document.getElementById('hello');
      if (ctx.user?.displayName && hello) hello.textContent = data.welcome.split(data.slot).join(ctx.user.displayName);
      microsoftTeams.app.notifySuccess();
      loadMine(data.locale, data.openChat);
    })
    .catch(() => document.body.classList.add('outside'));
  try {
    const zone = document.getElementById('zone');
    if (zone) zone.textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // the page keeps saying the zone is unknown
  }
} else if (data.page === 'config') {
  const url = data.adminUrl;
  void microsoftTeams.app.initialize().then(() => {
    void microsoftTeams.app.getContext().then((ctx) => applyTheme(ctx.app.theme));
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    microsoftTeams.pages.config.registerOnSaveHandler((save) => {
      microsoftTeams.pages.config
        .setConfig({ entityId: 'admin', contentUrl: url, websiteUrl: url, suggestedDisplayName: 'Dialogue Desk admin' })
        .then(
          () => save.notifySuccess(),
          () => save.notifyFailure('Could not save the tab'),
        );
    });
    microsoftTeams.pages.config.setValidityState(true);
    microsoftTeams.app.notifySuccess();
  });
}

interface Mine {
  applications?: { reference: string; status: string; dialogues?: { name: string; status: string }[]; next: string }[];
  message?: string;
}

/**
 * Single sign-on: Teams gives a token for this app, the server checks it and answers with this
 * person's own applications. No consent yet, or any failure: the sentence that says to open the
 * chat, never an error. Everything goes in as text.
 */
function loadMine(locale: string, openChat: string): void {
  microsoftTeams.authentication
    .getAuthToken()
    .then((token) => fetch(`/teams/tab/api/me?locale=${encodeURIComponent(locale)}`, { headers: { authorization: `Bearer ${token}` } }))
    .then((res) => res.json() as Promise<Mine>)
    .then(showMine, () => showMine({ message: openChat }));
}

function add(tag: string, text: string, parent: HTMLElement): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  parent.appendChild(el);
  return el;
}

function showMine(mine: Mine): void {
  const box = document.getElementById('mine');
  if (!box) return;
  box.textContent = '';
  for (const a of mine.applications ?? []) {
    add('h2', a.reference, box);
    add('p', a.status, box);
    const list = add('dl', '', box);
    for (const d of a.dialogues ?? []) {
      add('dt', d.name, list);
      add('dd', d.status, list);
    }
    add('p', a.next, box);
  }
  if (mine.message) add('p', mine.message, box);
}
