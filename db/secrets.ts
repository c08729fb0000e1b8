/**
 * Bot tokens encrypted at rest: a compact JWE (`dir` + A256GCM, through jose) whose key is derived
 * with HKDF-SHA-256 (Web Crypto) from SLACK_TOKEN_KEY, or SESSION_SECRET when that is not set.
 * Web APIs only, so the same rows can be read on Node and on Workers. The row id travels in the
 * protected header, which AES-GCM authenticates: a ciphertext copied into another row fails to
 * open rather than lending one workspace another's token.
 *
 * Changing the key: the new one seals, the previous ones (SLACK_TOKEN_KEY_PREVIOUS) still open,
 * and the scheduled job seals every row again with the new key (`reseal`), after which the
 * previous key can be dropped. Without this, a new key meant every workspace installing again.
 */
import { CompactEncrypt, compactDecrypt } from 'jose';

const HKDF_SALT = 'dialogue-desk';
const HKDF_INFO = 'installation token v1';

export interface TokenCipher {
  seal(rowId: string, token: string): Promise<string>;
  /** The token, or null when the value was not sealed for this row with this key or a previous one. */
  open(rowId: string, sealed: string): Promise<string | null>;
  /** The value sealed again with the current key if only a previous key opens it; else null. */
  reseal(rowId: string, sealed: string): Promise<string | null>;
  /** Whether previous keys are configured, i.e. whether rows may need sealing again. */
  readonly rotating: boolean;
}

async function deriveKey(secret: string): Promise<CryptoKey> {
  const enc = new TextEncoder();
  const ikm = await crypto.subtle.importKey('raw', enc.encode(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode(HKDF_SALT), info: enc.encode(HKDF_INFO) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A cipher keyed by `secret` (at least 32 characters, checked by the configuration); `previous` keys only open. */
export function createTokenCipher(secret: string, previous: readonly string[] = []): TokenCipher {
  const lazyKey = (s: string) => {
    let key: Promise<CryptoKey> | null = null;
    return () => (key ??= deriveKey(s));
  };
  const current = lazyKey(secret);
  const keys = [current, ...previous.filter((p) => p !== secret).map(lazyKey)];

  async function openWith(key: () => Promise<CryptoKey>, rowId: string, sealed: string): Promise<string | null> {
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(sealed, await key(), {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      if (protectedHeader.row !== rowId) return null;
      return new TextDecoder().decode(plaintext);
    } catch {
      return null;
    }
  }
  async function seal(rowId: string, token: string): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(token))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1', row: rowId })
      .encrypt(await current());
  }

  return {
    seal,
    async open(rowId, sealed) {
      for (const key of keys) {
        const token = await openWith(key, rowId, sealed);
        if (token !== null) return token;
      }
      return null;
    },
    async reseal(rowId, sealed) {
      if ((await openWith(current, rowId, sealed)) !== null) return null;
      for (const key of keys.slice(1)) {
        const token = await openWith(key, rowId, sealed);
        if (token !== null) return seal(rowId, token);
      }
      return null;
    },
    rotating: keys.length > 1,
  };
}
