import { describe, expect, it } from 'vitest';
import { computeSignature, verifySlackSignature as webCrypto, type SlackVerifier } from '../../bot/slack/verify';
import { verifySlackSignatureSync } from '../../server/node-slack-verify';
import { fixture } from './support';

interface Vector {
  signing_secret: string;
  headers: Record<string, string>;
  raw_body: string;
  now_for_test: number;
  max_skew_seconds: number;
}
const v = fixture<Vector>('signature_test_vector.json');
const req = (over: Partial<{ timestamp: string; signature: string; rawBody: string }> = {}) => ({
  timestamp: v.headers['X-Slack-Request-Timestamp'],
  signature: v.headers['X-Slack-Signature'],
  rawBody: v.raw_body,
  ...over,
});
const at = (seconds: number) => seconds * 1000;

// Web Crypto (Workers and the default) and node:crypto (the Node server) must agree on every case.
describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', verifySlackSignatureSync],
] as [string, SlackVerifier][])('Slack request signature (%s)', (_name, verifySlackSignature) => {
  it('matches the documented worked example', async () => {
    expect(await computeSignature(v.signing_secret, v.headers['X-Slack-Request-Timestamp']!, v.raw_body)).toBe(
      v.headers['X-Slack-Signature'],
    );
    expect(await verifySlackSignature(v.signing_secret, req(), at(v.now_for_test))).toBe(true);
  });

  it('rejects a changed body, a wrong secret and a changed signature', async () => {
    const now = at(v.now_for_test);
    expect(await verifySlackSignature(v.signing_secret, req({ rawBody: `${v.raw_body}&x=1` }), now)).toBe(false);
    expect(await verifySlackSignature('another-secret', req(), now)).toBe(false);
    const sig = v.headers['X-Slack-Signature']!;
    expect(await verifySlackSignature(v.signing_secret, req({ signature: sig.slice(0, -1) + (sig.endsWith('3') ? '4' : '3') }), now)).toBe(
      false,
    );
    expect(await verifySlackSignature(v.signing_secret, req({ signature: sig.replace('v0=', 'v1=') }), now)).toBe(false);
  });

  it('accepts up to five minutes of skew either way and nothing beyond', async () => {
    const t = v.now_for_test;
    expect(await verifySlackSignature(v.signing_secret, req(), at(t + v.max_skew_seconds))).toBe(true);
    expect(await verifySlackSignature(v.signing_secret, req(), at(t - v.max_skew_seconds))).toBe(true);
    expect(await verifySlackSignature(v.signing_secret, req(), at(t + v.max_skew_seconds + 1))).toBe(false);
    expect(await verifySlackSignature(v.signing_secret, req(), at(t - v.max_skew_seconds - 1))).toBe(false);
  });

  it('rejects missing or malformed headers and an empty secret', async () => {
    const now = at(v.now_for_test);
    expect(await verifySlackSignature(v.signing_secret, req({ timestamp: undefined as never }), now)).toBe(false);
    expect(await verifySlackSignature(v.signing_secret, req({ signature: undefined as never }), now)).toBe(false);
    expect(await verifySlackSignature(v.signing_secret, req({ timestamp: '1531420618.5' }), now)).toBe(false);
    expect(await verifySlackSignature('', req(), now)).toBe(false);
  });

  it('refuses signatures that are not 64 hex digits, whatever their content', async () => {
    const now = at(v.now_for_test);
    const good = v.headers['X-Slack-Signature']!;
    for (const signature of [good.slice(0, -1), `${good}0`, good.toUpperCase().replace('V0=', 'v0='), 'v0=', `v1=${good.slice(3)}`]) {
      expect(await verifySlackSignature(v.signing_secret, req({ signature }), now)).toBe(false);
    }
  });
});
