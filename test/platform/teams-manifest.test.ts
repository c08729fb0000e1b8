/**
 * The Teams app package exactly as `npm run teams:package` builds it, checked the way Microsoft
 * checks an upload: the manifest and each language file by @microsoft/app-manifest's own
 * validator against the schemas it bundles for the manifest's version (nothing is fetched), then
 * what the store validation looks at beyond the schema: the archive's layout, the icons, the
 * domains, the ids, the single sign-on resource and the languages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCALES, t } from '../../domain/i18n';
import { commandInEnglish } from '../../domain/i18n/commands';
import { buildApp, buildPackage, bundledSchema, schemaErrors, unicodeSafe } from '../../scripts/teams-package';

type Json = Record<string, any>;
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

// What an organisation puts in .env: its Entra app registration and its public host.
const appId = '6f1c2d3e-8a9b-4c5d-9e0f-1a2b3c4d5e6f';
const env = {
  TEAMS_APP_ID: appId,
  TEAMS_APP_PASSWORD: 'not-read-by-the-package',
  PUBLIC_URL: 'https://dialogues.unodc.example.org/',
  TEAMS_APP_VERSION: '1.3.0',
  TEAMS_DEVELOPER_NAME: 'UNODC Civil Society Unit',
  TEAMS_PRIVACY_URL: 'https://www.unodc.example.org/privacy',
  TEAMS_TERMS_URL: 'https://www.unodc.example.org/terms-of-use',
};
const host = 'dialogues.unodc.example.org';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
let zip: JSZip;
let manifest: Json;
const languages: Record<string, Json> = {};

const validate = (doc: object, schema: object) => AppManifestUtils.validateAgainstSchema(doc as never, schema as Schema);
const pixels = async (png: Buffer) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

beforeAll(async () => {
  // The validator must never reach the network: the schema is always passed in.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('the Teams schema must come from the bundled copy')));
  zip = await JSZip.loadAsync(readFileSync(await buildPackage(env, join(dir, 'teams-app.zip'))));
  manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    languages[languageTag] = JSON.parse((await zip.file(file)?.async('string')) ?? '{}');
  }
});

afterAll(() => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

describe('Teams app package: Microsoft’s schema validation', () => {
  it('the manifest passes @microsoft/app-manifest against the bundled schema of its own version', async () => {
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(await validate(manifest, bundledSchema(manifest.manifestVersion, 'MicrosoftTeams'))).toEqual([]);
  });

  it('each language file passes the Localization schema of the same version', async () => {
    const schema = bundledSchema(manifest.manifestVersion, 'MicrosoftTeams.Localization');
    expect(Object.keys(languages).sort()).toEqual(['es', 'fr']);
    for (const [tag, file] of Object.entries(languages)) {
      expect(file.$schema, tag).toBe(manifest.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'));
      expect(await validate(file, schema), tag).toEqual([]);
    }
  });

  it('the validator refuses what Teams refuses', async () => {
    const schema = bundledSchema(manifest.manifestVersion, 'MicrosoftTeams');
    const bad = structuredClone(manifest);
    bad.name.short = 'Dialogue Desk for the Constructive Dialogues';
    bad.bots[0].botId = 'dialogue-desk-bot';
    const errors = await validate(bad, schema);
    expect(errors.join('\n')).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(errors.join('\n')).toMatch(/\/bots\/0\/botId must match pattern/);

    const localization = bundledSchema(manifest.manifestVersion, 'MicrosoftTeams.Localization');
    const french = { ...languages.fr, 'description.short': 'x'.repeat(81), 'staticTabs[1].title': 'Ma candidature' };
    expect((await validate(french, localization)).join('\n')).toMatch(/additionalProperty.*staticTabs\[1\]\.title[\s\S]*more than 80/);
  });

  it('stops the package script, naming the file, when a text is too long for Teams', async () => {
    const app = buildApp(readFileSync(new URL('../../teams-app/manifest.json', import.meta.url), 'utf8'), env);
    expect(await schemaErrors(app)).toEqual([]);
    app.languageFiles['es.json']!['name.short'] = 'Mesa de diálogo de los Diálogos constructivos';
    expect(await schemaErrors(app)).toEqual([expect.stringMatching(/^es\.json: \/name\.short must NOT have more than 30 characters/)]);
  });

  it('reads Microsoft’s Localization schema as Teams does, despite its unescaped "]"', () => {
    const published = String.raw`^activities.activityTypes\[\b([0-9]|[1-8][0-9]|9[0-9]|1[01][0-9]|12[0-7])\b]\.description$`;
    expect(() => new RegExp(published, 'u')).toThrow();
    const safe = new RegExp(unicodeSafe(published), 'u');
    const teams = new RegExp(published);
    for (const key of [
      'activities.activityTypes[3].description',
      'activities.activityTypes[127].description',
      'activities.activityTypes[128].description',
    ]) {
      expect(safe.test(key), key).toBe(teams.test(key));
    }
    expect(unicodeSafe(String.raw`^staticTabs\[([0-9]|1[0-5])\]\.name$`)).toBe(String.raw`^staticTabs\[([0-9]|1[0-5])\]\.name$`);
  });
});

describe('Teams app package: what the store validation checks besides the schema', () => {
  it('holds the manifest, both icons and the language files at the root of the archive, and nothing else', () => {
    const files = Object.values(zip.files);
    expect(files.every((f) => !f.dir && !f.name.includes('/'))).toBe(true);
    expect(files.map((f) => f.name).sort()).toEqual(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
    expect([manifest.icons.color, manifest.icons.outline]).toEqual(['color.png', 'outline.png']);
  });

  it('has a 192x192 colour icon with a solid background', async () => {
    const { data, info } = await pixels(await zip.file('color.png')!.async('nodebuffer'));
    expect([info.width, info.height]).toEqual([192, 192]);
    const alphas = new Set<number>();
    for (let i = 3; i < data.length; i += 4) alphas.add(data[i]!);
    expect([...alphas]).toEqual([255]);
  });

  it('has a 32x32 outline icon that is white on a transparent background', async () => {
    const { data, info } = await pixels(await zip.file('outline.png')!.async('nodebuffer'));
    expect([info.width, info.height]).toEqual([32, 32]);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0) transparent++;
      else {
        expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(white).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(white);
  });

  it('uses the Entra application id as the app, bot and single sign-on id', () => {
    expect(manifest.id).toMatch(guid);
    expect(manifest.bots.map((b: Json) => b.botId)).toEqual([appId]);
    expect(manifest.webApplicationInfo).toEqual({ id: appId, resource: `api://${host}/${appId}` });
    expect(manifest.version).toBe('1.3.0');
  });

  it('lists the PUBLIC_URL host as the only valid domain, and every page it opens is there', () => {
    expect(manifest.validDomains).toEqual([host]);
    const pages = [
      ...manifest.staticTabs.flatMap((tab: Json) => [tab.contentUrl, tab.websiteUrl]),
      ...manifest.configurableTabs.map((tab: Json) => tab.configurationUrl),
      manifest.developer.websiteUrl,
    ].filter(Boolean);
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) expect(new URL(page.replace('{locale}', 'en')).host, page).toBe(host);
    // The single sign-on resource must be on a valid domain too, or Teams cannot get a token.
    expect(manifest.validDomains).toContain(new URL(manifest.webApplicationInfo.resource.replace(/^api:/, 'https:')).host);
    expect([manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]).toEqual([env.TEAMS_PRIVACY_URL, env.TEAMS_TERMS_URL]);
  });
});

describe('Teams app package: English, French and Spanish', () => {
  // Where the manifest has text a person reads, by the names Teams' language files use for them.
  const readable = () => {
    const schema = bundledSchema(manifest.manifestVersion, 'MicrosoftTeams.Localization') as Json;
    const named = Object.keys(schema.properties).filter((k) => k !== '$schema' && k !== 'localizationKeys');
    const patterns = Object.keys(schema.patternProperties).map((p) => new RegExp(unicodeSafe(p), 'u'));
    const places: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
      else if (typeof node === 'string' && (named.includes(path) || patterns.some((p) => p.test(path)))) places.push(path);
    };
    walk(manifest, '');
    return places.sort();
  };

  it('declares English as the manifest’s language and a file for French and for Spanish', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [
        { languageTag: 'fr', file: 'fr.json' },
        { languageTag: 'es', file: 'es.json' },
      ],
    });
  });

  it('translates every text a person reads, from the message catalogues', () => {
    const places = readable();
    expect(places).toEqual(
      expect.arrayContaining(['name.short', 'name.full', 'description.short', 'description.full', 'staticTabs[1].name']),
    );
    for (const [tag, file] of Object.entries(languages)) {
      const { $schema: _, ...texts } = file;
      expect(Object.keys(texts).sort(), tag).toEqual(places);
    }
    expect(manifest.description.short).toBe(t('en', 'teamsApp.description.short'));
    expect(languages.fr!['name.full']).toBe(t('fr', 'teamsApp.name.full'));
    expect(languages.es!['staticTabs[1].name']).toBe(t('es', 'tab.title'));
    expect(languages.fr!['description.full']).not.toBe(manifest.description.full);
    expect(languages.es!['description.full']).not.toBe(manifest.description.full);
  });

  it('keeps names and descriptions within Teams’ limits in every language, as the store wants them', () => {
    const english = {
      'name.short': manifest.name.short,
      'name.full': manifest.name.full,
      'description.short': manifest.description.short,
      'description.full': manifest.description.full,
    };
    for (const [tag, texts] of Object.entries({ en: english, ...languages })) {
      expect(texts['name.short'].length, tag).toBeLessThanOrEqual(30);
      expect(texts['name.full'].length, tag).toBeLessThanOrEqual(100);
      expect(texts['description.short'].length, tag).toBeLessThanOrEqual(80);
      expect(texts['description.full'].length, tag).toBeLessThanOrEqual(4000);
      // The store refuses a short description that repeats the app's name, or a long one that repeats the short one.
      expect(texts['description.short'], tag).not.toContain(texts['name.short']);
      expect(texts['description.full'], tag).not.toBe(texts['description.short']);
    }
  });

  it('offers in each language command words the bot understands in that language', () => {
    const english = manifest.bots[0].commandLists[0].commands.map((c: Json) => c.title);
    expect(english).toEqual(['apply', 'status', 'help']);
    for (const [tag, file] of Object.entries(languages)) {
      const titles = english.map((_: string, i: number) => file[`bots[0].commandLists[0].commands[${i}].title`]);
      expect(titles.map(commandInEnglish), tag).toEqual(english);
      expect(titles, tag).not.toEqual(english);
    }
    expect(LOCALES).toEqual(['en', ...Object.keys(languages)]);
  });
});
