/**
 * generated/assets.ts is committed (see scripts/build-assets.mjs for why): it must be what the
 * browser sources in assets/ bundle to today, or the server would serve stale scripts and styles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as assets from '../../generated/assets';

describe('browser scripts and styles', () => {
  it('generated/assets.ts matches assets/ (run `npm run build:assets` after editing them)', async () => {
    // @ts-expect-error scripts/build-assets.mjs is plain JavaScript without types
    const { renderAssets, ASSETS_MODULE } = await import('../../scripts/build-assets.mjs');
    expect(readFileSync(ASSETS_MODULE, 'utf8')).toBe(await renderAssets());
  }, 20_000);

  it('bundles each file into a classic script or plain CSS, with nothing left to import', () => {
    const scripts = Object.entries(assets).filter(([name]) => name.endsWith('_JS'));
    const styles = Object.entries(assets).filter(([name]) => name.endsWith('_CSS'));
    expect(scripts.map(([name]) => name)).toEqual(['ADMIN_JS', 'PLAYGROUND_JS', 'TEAMS_DIALOG_JS', 'TEAMS_TAB_JS']);
    for (const [, js] of scripts) {
      expect(js).toMatch(/^"use strict";\(\(\)=>\{/);
      expect(js).not.toMatch(/\bimport\(|\brequire\(|^import |<\/script/);
    }
    // The form renderer's parts are in both pages that show the form; its styles with them.
    for (const js of [assets.PLAYGROUND_JS, assets.TEAMS_DIALOG_JS]) expect(js).toContain('data-multi');
    for (const [, css] of styles) expect(css).not.toMatch(/@import|url\(/);
    for (const css of [assets.PLAYGROUND_CSS, assets.TEAMS_DIALOG_CSS, assets.WEB_CSS]) expect(css).toContain('.choices{');
  });
});
