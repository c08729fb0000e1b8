/**
 * OpenSSL's scrypt for admin passwords on Node (see admin/auth/password.ts): it derives on the
 * thread pool instead of the event loop, so acknowledgements keep flowing while someone signs
 * in, and frees its block as soon as it is done instead of leaving 32 MiB to the collector.
 */
import { scrypt } from 'node:crypto';
import type { Scrypt } from '../admin/auth/password';

export const nodeScrypt: Scrypt = (password, salt, { N, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    // OpenSSL refuses more than maxmem (32 MiB by default, which the default cost 2^15 x 8 just
    // exceeds): allow the block the parameters need, as the pure-JS implementation would use.
    const maxmem = 128 * N * r * p + 128 * r * 2 + 1024 * 1024;
    scrypt(password, salt, dkLen, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(new Uint8Array(key))));
  });
