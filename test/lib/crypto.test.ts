import { describe, expect, it } from 'vitest';
import { base64url, fromBase64url, hmacBase64url, randomToken, sha256Hex, timingSafeEqual } from '../../lib/crypto';

describe('the shared Web Crypto helpers', () => {
  it('hashes UTF-8 text with SHA-256 (FIPS 180-2 vectors, and a non-Latin string)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('état')).not.toBe(await sha256Hex('etat'));
  });

  it('signs with HMAC-SHA-256 (RFC 4231 test case 2) in base64url', async () => {
    const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
    expect(await hmacBase64url('Jefe', 'what do ya want for nothing?')).toBe(base64url(bytes));
  });

  it('round-trips base64url without padding or URL-unsafe characters', () => {
    const bytes = Uint8Array.from([251, 255, 191, 0, 1]);
    const text = base64url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64url(text)).toEqual(bytes);
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('compares secrets: equal only when every byte and the length match, never for empty ones', () => {
    expect(timingSafeEqual('s3cret', 's3cret')).toBe(true);
    expect(timingSafeEqual('s3cret', 's3creT')).toBe(false);
    expect(timingSafeEqual('s3cret', 's3cret!')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(false);
    expect(timingSafeEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true);
  });
});
