/**
 * `npm run teams:package`: builds dist/teams-app.zip (manifest.json, color.png, outline.png) to
 * upload in Teams. Ids and URLs come from the environment (or .env), so one template serves
 * every installation. The icons are rendered from teams-app/icons/*.svg at the sizes Teams
 * requires: colour 192x192, outline 32x32 white on transparent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

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

/** Fills the manifest template; throws one message naming every bad variable. */
export function buildManifest(template: string, env: Record<string, string | undefined>): Record<string, unknown> {
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
    PRIVACY_URL: e.TEAMS_PRIVACY_URL ?? e.PUBLIC_URL,
    TERMS_URL: e.TEAMS_TERMS_URL ?? e.PUBLIC_URL,
  };
  // Values are JSON-escaped before going in, so a URL can never break the document.
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`Unknown placeholder {{${key}}} in teams-app/manifest.json`);
    return JSON.stringify(v).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
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

/** Writes the zip and returns its path. */
export async function buildPackage(env: Record<string, string | undefined>, outFile = join(root, 'dist/teams-app.zip')): Promise<string> {
  const manifest = buildManifest(readFileSync(join(root, 'teams-app/manifest.json'), 'utf8'), env);
  const { color, outline } = await renderIcons();
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  // Teams wants the three files at the root of the archive, not in a folder.
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', color);
  zip.file('outline.png', outline);
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
