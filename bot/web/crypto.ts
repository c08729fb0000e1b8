/** The sign-in code (Node and Workers alike: Web Crypto, nothing from node:). */

/** A uniformly random six-digit code, leading zeros kept ("004271"). */
export function sixDigitCode(): string {
  // Rejection sampling: 2^32 is not a multiple of 10^6, so the top of the range would skew.
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const n = buf[0] ?? limit;
    if (n < limit) return String(n % 1_000_000).padStart(6, '0');
  }
}
