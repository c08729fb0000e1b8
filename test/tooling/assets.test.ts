/**
 * generated/assets.ts is committed (see scripts/build-assets.mjs for why): it must be what the
 * browser sources in assets/ bundle to today, or the server would serve stale scripts and styles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_CSS, ADMIN_JS, FORM_PAGE_CSS, WEB_CSS } from '../../generated/assets';

describe('browser scripts and styles', () => {
  it('generated/assets.ts matches assets/ (run `npm run build:assets` after editing them)', async () => {
    // @ts-expect-error scripts/build-assets.mjs is plain JavaScript without types
    const { renderAssets, ASSETS_MODULE } = await import('../../scripts/build-assets.mjs');
    expect(readFileSync(ASSETS_MODULE, 'utf8')).toBe(await renderAssets());
  }, 20_000);

  it('bundles each file into a classic script or plain CSS, with nothing left to import', () => {
    expect(ADMIN_JS).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(ADMIN_JS).not.toMatch(/\bimport\b|\brequire\(/);
    expect(ADMIN_JS).toContain('data-countdown');
    for (const css of [ADMIN_CSS, FORM_PAGE_CSS, WEB_CSS]) {
      expect(css).not.toMatch(/@import|url\(/);
      expect(css.length).toBeGreaterThan(500);
    }
  });
});
