/**
 * The Microsoft 365 Agents Playground (a local Teams client for developers) sends activities
 * without a Bot Framework token and runs its own connector on localhost. Accepting those is an
 * open door anywhere but on a developer's machine, so the mode exists only with NODE_ENV
 * development, a server bound to loopback, and activities whose service URL is on loopback too.
 */

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** An http(s) URL on a loopback host (the Playground's connector). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/** Throws unless the mode may run: the last guard, whatever the configuration said. */
export function assertDevPlaygroundAllowed(config: { NODE_ENV: string; HOST: string }): void {
  if (config.NODE_ENV !== 'development' || !isLoopbackHost(config.HOST)) {
    throw new Error('TEAMS_DEV_PLAYGROUND is refused: it needs NODE_ENV=development and a loopback HOST');
  }
}
