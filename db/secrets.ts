/**
 * Bot tokens encrypted at rest: a compact JWE (`dir` + A256GCM, through jose) whose key is derived
 * with HKDF-SHA-256 (Web Crypto) from SLACK_TOKEN_KEY, or SESSION_SECRET when that is not set.
 * Web APIs only, so the same rows can be read on Node and on Workers. The row id travels in the
 * protected header, which AES-GCM authenticates: a ciphertext copied into another row fails to
 * open rather than lending one workspace another's token.
 */
import { CompactEncrypt, compactDecrypt } from 'jose';

const HKDF_SALT = 'dialogue-desk';
const HKDF_INFO = 'installation token v1';

export interface TokenCipher {
  seal(rowId: string, token: string): Promise<string>;
  /** The token, or null when the value was not sealed for this row with this key. */
  open(rowId: string, sealed: string): Promise<string | null>;
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

/** A cipher keyed by `secret` (at least 32 characters, checked by the configuration). */
export function createTokenCipher(secret: string): TokenCipher {
  let key: Promise<CryptoKey> | null = null;
  const k = () => (key ??= deriveKey(secret));
  return {
    async seal(rowId, token) {
      return new CompactEncrypt(new TextEncoder().encode(token))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1', row: rowId })
        .encrypt(await k());
    },
    async open(rowId, sealed) {
      try {
        const { plaintext, protectedHeader } = await compactDecrypt(sealed, await k(), {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        if (protectedHeader.row !== rowId) return null;
        return new TextDecoder().decode(plaintext);
      } catch {
        return null;
      }
    },
  };
}
