import { describe, expect, it } from 'vitest';
import type { Context } from 'hono';
import { clientIp } from '../../admin/auth/throttle';
import type { AdminEnv } from '../../admin/env';

function ctx(socket: string | undefined, headers: Record<string, string>): Context<AdminEnv> {
  return {
    env: socket ? { incoming: { socket: { remoteAddress: socket } } } : {},
    req: { header: (n: string) => headers[n.toLowerCase()] },
  } as unknown as Context<AdminEnv>;
}

describe('the address sign-in throttling counts', () => {
  it('is the socket address, whatever X-Forwarded-For claims, unless a proxy is trusted', () => {
    expect(clientIp(ctx('10.0.0.5', { 'x-forwarded-for': '1.2.3.4' }))).toBe('10.0.0.5');
  });

  it('behind a trusted proxy is the last X-Forwarded-For entry, not one the client wrote', () => {
    expect(clientIp(ctx('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), true)).toBe('203.0.113.9');
    expect(clientIp(ctx('10.0.0.5', {}), true)).toBe('10.0.0.5');
  });

  it('on Workers is the address Cloudflare reports', () => {
    expect(clientIp(ctx(undefined, { 'cf-connecting-ip': '198.51.100.7' }))).toBe('198.51.100.7');
  });
});
