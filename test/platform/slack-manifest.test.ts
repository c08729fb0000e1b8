/**
 * bot/slack/manifest.json against Slack's published app-manifest JSON schema (vendored from
 * slackapi/manifest-schema, see test/platform/vendor/README.md): what "Create an app from a
 * manifest" would refuse is found here first.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, any>;
const manifest = read('../../bot/slack/manifest.json');

// The entry schema picks the version schema by _metadata.major_version and refers to it by its
// published URL; the vendored copies answer for those URLs, so nothing is fetched.
function slackValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const root = read('./vendor/slack-manifest.schema.json');
  const refs = new Set<string>();
  JSON.stringify(root, (k, v) => {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('http')) refs.add(v);
    return v;
  });
  for (const url of refs) {
    const file = url.endsWith('manifest.schema.1.0.0.json') ? 'slack-manifest.schema.1.0.0.json' : 'slack-manifest.schema.2.0.0.json';
    ajv.addSchema(read(`./vendor/${file}`), url);
  }
  return ajv.compile(root);
}

describe("Slack's app-manifest schema", () => {
  const validate = slackValidator();

  it('accepts bot/slack/manifest.json', () => {
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses what Slack refuses, e.g. a shortcut name over 24 characters', () => {
    const long = structuredClone(manifest);
    long.features.shortcuts[0].name = 'Apply to a Constructive Dialogue';
    expect(validate(long)).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(/must NOT have more than 24 characters/);
  });

  it('points every URL at the one Slack endpoint the product serves', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/YOUR-HOST\/slack\/events$/);
  });
});
