import { scryptAsync } from '@noble/hashes/scrypt.js';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, passwordParams, useScrypt, verifyPassword } from '../../admin/auth/password';
import { nodeScrypt } from '../../server/node-scrypt';

const pureJs = (password: string, salt: Uint8Array, o: { N: number; r: number; p: number; dkLen: number }) =>
  scryptAsync(password, salt, o);

describe('admin password hashes', () => {
  afterEach(() => useScrypt(pureJs));

  it('derive the same bytes with OpenSSL on Node as with the pure-JS scrypt on Workers', async () => {
    const salt = new TextEncoder().encode('0123456789abcdef');
    const o = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };
    expect(Buffer.from(await nodeScrypt('correct horse – ñandú 🐎', salt, o))).toEqual(
      Buffer.from(await pureJs('correct horse – ñandú 🐎', salt, o)),
    );
  });

  it('made on one runtime verify on the other, and a wrong password fails on both', async () => {
    useScrypt(pureJs);
    const onWorkers = await hashPassword('Vienna-2023-firearms', passwordParams(12));
    useScrypt(nodeScrypt);
    const onNode = await hashPassword('Vienna-2023-firearms', passwordParams(12));
    expect(await verifyPassword('Vienna-2023-firearms', onWorkers)).toBe(true);
    expect(await verifyPassword('vienna-2023-firearms', onWorkers)).toBe(false);
    useScrypt(pureJs);
    expect(await verifyPassword('Vienna-2023-firearms', onNode)).toBe(true);
    expect(await verifyPassword('Vienna-2023-firearm', onNode)).toBe(false);
  });
});
