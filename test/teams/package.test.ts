import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildManifest, buildPackage } from '../../scripts/teams-package';

const template = readFileSync(new URL('../../teams-app/manifest.json', import.meta.url), 'utf8');
const env = { TEAMS_APP_ID: '00000000-0000-0000-0000-0000000b0701', PUBLIC_URL: 'https://desk.example.org/' };

describe('Teams app package', () => {
  it('fills the manifest from the environment', () => {
    const m = buildManifest(template, env) as any;
    expect(m.manifestVersion).toBe('1.19');
    expect(m.id).toBe(env.TEAMS_APP_ID);
    expect(m.bots[0]).toMatchObject({ botId: env.TEAMS_APP_ID, scopes: ['personal', 'team'] });
    expect(m.bots[0].commandLists[0].commands.map((c: any) => c.title)).toEqual(['apply', 'status', 'help']);
    expect(m.staticTabs).toContainEqual(
      expect.objectContaining({ name: 'My application', contentUrl: 'https://desk.example.org/teams/tab/application?locale={locale}' }),
    );
    expect(m.staticTabs).toContainEqual(expect.objectContaining({ contentUrl: 'https://desk.example.org/admin' }));
    expect(m.configurableTabs[0].configurationUrl).toBe('https://desk.example.org/teams/tab/config');
    expect(m.validDomains).toEqual(['desk.example.org']);
    // The app's details link to the deployment's own privacy notice unless another page is named.
    expect(m.developer.privacyUrl).toBe('https://desk.example.org/privacy');
    expect(m.developer.termsOfUseUrl).toBe('https://desk.example.org');
    const elsewhere = buildManifest(template, { ...env, TEAMS_PRIVACY_URL: 'https://www.unodc.example.org/privacy-policy' });
    expect(elsewhere.developer).toMatchObject({ privacyUrl: 'https://www.unodc.example.org/privacy-policy' });
    expect(template).not.toMatch(/00000000-0000-0000-0000-0000000b0701/);
  });

  it('names every missing or bad variable', () => {
    expect(() => buildManifest(template, { PUBLIC_URL: 'http://desk.example.org' })).toThrow(
      /TEAMS_APP_ID[\s\S]*PUBLIC_URL: must be an https URL/,
    );
  });

  it('writes a zip with the manifest and both icons at the required sizes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
    try {
      const file = await buildPackage(env, join(dir, 'teams-app.zip'));
      const zip = await JSZip.loadAsync(readFileSync(file));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
      const color = await sharp(await zip.file('color.png')!.async('nodebuffer')).metadata();
      const outline = await sharp(await zip.file('outline.png')!.async('nodebuffer')).metadata();
      expect([color.format, color.width, color.height]).toEqual(['png', 192, 192]);
      expect([outline.format, outline.width, outline.height, outline.hasAlpha]).toEqual(['png', 32, 32, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
