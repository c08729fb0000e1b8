/**
 * `npm run teams:package`: builds dist/teams-app.zip (manifest.json, color.png, outline.png and
 * one language file per extra locale: fr.json, es.json) to upload in Teams. Ids and URLs come
 * from the environment (or .env), so one template serves every installation. The words people
 * read come from the message catalogues: the template names them as {{text:area.key}}, the
 * manifest gets English and each language file the same places in its own language, so no
 * sentence is written twice. Before writing, the manifest and the language files are checked
 * against Microsoft's schemas for the manifest's version, bundled with @microsoft/app-manifest.
 * The icons are rendered from teams-app/icons/*.svg at the sizes Teams requires: colour
 * 192x192, outline 32x32 white on transparent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale, type MessageKey, t } from '../domain/i18n';
import { catalog } from '../domain/i18n/catalog/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID (the Entra application id)');
const https = z.url({ protocol: /^https$/, message: 'must be an https URL (Teams only loads https pages)' });

const packageEnv = z.object({
  TEAMS_APP_ID: guid,
  /** The Teams app id; by default the bot's own id, which is what a single-bot app usually uses. */
  TEAMS_MANIFEST_ID: guid.optional(),
  PUBLIC_URL: https.transform((u) => u.replace(/\/+$/, '')),
  TEAMS_APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must look like 1.0.0')
    .default('1.0.0'),
  TEAMS_DEVELOPER_NAME: z.string().trim().min(1).max(32).default('Dialogue Desk'),
  TEAMS_PRIVACY_URL: https.optional(),
  TEAMS_TERMS_URL: https.optional(),
});

export type PackageEnv = z.input<typeof packageEnv>;

/** The manifest with English texts, and each other locale's language file by its file name. */
export interface TeamsApp {
  manifest: Record<string, unknown>;
  languageFiles: Record<string, Record<string, string>>;
}

/** Fills the manifest template; throws one message naming every bad variable. */
export function buildApp(template: string, env: Record<string, string | undefined>): TeamsApp {
  const parsed = packageEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    throw new Error(
      `Cannot build the Teams package:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  const values: Record<string, string> = {
    VERSION: e.TEAMS_APP_VERSION,
    MANIFEST_ID: e.TEAMS_MANIFEST_ID ?? e.TEAMS_APP_ID,
    TEAMS_APP_ID: e.TEAMS_APP_ID,
    PUBLIC_URL: e.PUBLIC_URL,
    PUBLIC_HOST: new URL(e.PUBLIC_URL).host,
    DEVELOPER_NAME: e.TEAMS_DEVELOPER_NAME,
    PRIVACY_URL: e.TEAMS_PRIVACY_URL ?? `${e.PUBLIC_URL}/privacy`,
    TERMS_URL: e.TEAMS_TERMS_URL ?? e.PUBLIC_URL,
  };
  // Values are JSON-escaped before going in, so a URL can never break the document.
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`Unknown placeholder {{${key}}} in teams-app/manifest.json`);
    return JSON.stringify(v).slice(1, -1);
  });
  const texts = new Map<string, MessageKey>();
  const manifest = withTexts(JSON.parse(filled), [], texts) as Record<string, unknown>;
  const others = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
  manifest.localizationInfo = {
    defaultLanguageTag: DEFAULT_LOCALE,
    additionalLanguages: others.map((l) => ({ languageTag: l, file: `${l}.json` })),
  };
  // A language file follows its manifest's schema version (Teams refuses a mismatch).
  const schema = String(manifest.$schema).replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
  const languageFiles = Object.fromEntries(
    others.map((l) => [`${l}.json`, { $schema: schema, ...Object.fromEntries([...texts].map(([place, key]) => [place, t(l, key)])) }]),
  );
  return { manifest, languageFiles };
}

/** The manifest alone, in English. */
export function buildManifest(template: string, env: Record<string, string | undefined>): Record<string, unknown> {
  return buildApp(template, env).manifest;
}

const TEXT = /^\{\{text:([A-Za-z]+)\.([\w.]+)\}\}$/;

/**
 * Puts the English text wherever the template says {{text:area.key}}, and notes each such place
 * under the name Teams' language files use for it ("staticTabs[1].name").
 */
function withTexts(node: unknown, path: string[], texts: Map<string, MessageKey>): unknown {
  if (Array.isArray(node)) return node.map((item, i) => withTexts(item, [...path.slice(0, -1), `${path.at(-1)}[${i}]`], texts));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withTexts(v, [...path, k], texts)]));
  }
  const match = typeof node === 'string' ? TEXT.exec(node) : null;
  if (!match) return node;
  const [, area = '', id = ''] = match;
  const messages = (catalog as Record<string, Record<Locale, Record<string, string>>>)[area];
  if (!LOCALES.every((l) => messages?.[l]?.[id] !== undefined)) {
    throw new Error(`teams-app/manifest.json names {{text:${area}.${id}}}, which is not in the message catalogues`);
  }
  const key = `${area}.${id}` as MessageKey;
  texts.set(path.join('.'), key);
  return t(DEFAULT_LOCALE, key);
}

const schemas = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');

/** Microsoft's schema file for a manifest version, from the copy bundled with @microsoft/app-manifest. */
export function bundledSchema(manifestVersion: string, name: 'MicrosoftTeams' | 'MicrosoftTeams.Localization'): Record<string, unknown> {
  const file = join(schemas, `v${manifestVersion}`, `${name}.schema.json`);
  if (!existsSync(file)) throw new Error(`@microsoft/app-manifest has no Teams schema for manifest version ${manifestVersion}`);
  return JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
    key === 'patternProperties' && value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([pattern, rule]) => [unicodeSafe(pattern), rule]))
      : value,
  ) as Record<string, unknown>;
}

/**
 * The Localization schema's two `activities.activityTypes[…]` keys end their index with a bare
 * "]" (`\[\b(…)\b]`, MicrosoftDocs/msteams-docs#8858). Outside a character class that is a
 * literal "]" for Teams' own validator and for JavaScript without the `u` flag, but ajv compiles
 * patterns with `u`, where it is a syntax error, so the library cannot load the schema at all.
 * Escaping such a bracket keeps the pattern's meaning; patterns that already compile are untouched.
 */
export function unicodeSafe(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') {
        out += c + (pattern[++i] ?? '');
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']' && inClass) inClass = false;
      else if (c === ']') {
        out += '\\]';
        continue;
      }
      out += c;
    }
    return out;
  }
}

/**
 * Schema errors in the manifest and its language files, each prefixed with its file, by
 * @microsoft/app-manifest's own validator. The schema is passed in, so nothing is fetched.
 */
export async function schemaErrors(app: TeamsApp): Promise<string[]> {
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  const version = String(app.manifest.manifestVersion);
  const check = async (file: string, doc: object, schema: Record<string, unknown>) =>
    (await AppManifestUtils.validateAgainstSchema(doc as Manifest, schema as Schema)).map((error) => `${file}: ${error}`);
  const errors = await check('manifest.json', app.manifest, bundledSchema(version, 'MicrosoftTeams'));
  const localization = bundledSchema(version, 'MicrosoftTeams.Localization');
  for (const [file, doc] of Object.entries(app.languageFiles)) errors.push(...(await check(file, doc, localization)));
  return errors;
}

/** Renders the two icons from their SVG sources. */
export async function renderIcons(): Promise<{ color: Buffer; outline: Buffer }> {
  // sharp (libvips) is installed with the development tools; the server never needs it.
  const sharp = (await import('sharp')).default;
  const svg = (name: string) => readFileSync(join(root, 'teams-app/icons', `${name}.svg`));
  const color = await sharp(svg('color'), { density: 300 }).resize(192, 192).png().toBuffer();
  const outline = await sharp(svg('outline'), { density: 300 }).resize(32, 32).png().toBuffer();
  return { color, outline };
}

/** Writes the zip and returns its path; refuses to write one that Microsoft's schemas reject. */
export async function buildPackage(env: Record<string, string | undefined>, outFile = join(root, 'dist/teams-app.zip')): Promise<string> {
  const app = buildApp(readFileSync(join(root, 'teams-app/manifest.json'), 'utf8'), env);
  const errors = await schemaErrors(app);
  if (errors.length > 0)
    throw new Error(`The Teams package does not pass Microsoft's schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  const { color, outline } = await renderIcons();
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  // Teams wants every file at the root of the archive, not in a folder.
  zip.file('manifest.json', `${JSON.stringify(app.manifest, null, 2)}\n`);
  zip.file('color.png', color);
  zip.file('outline.png', outline);
  for (const [file, doc] of Object.entries(app.languageFiles)) zip.file(file, `${JSON.stringify(doc, null, 2)}\n`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, data);
  return outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  buildPackage(process.env).then(
    (file) => console.log(`Wrote ${file}. Upload it in Teams: Apps > Manage your apps > Upload an app.`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
