import type { Actor } from '../core/types';

/**
 * A signed-in applicant as the engine sees them: the web door, known by the address the code
 * was sent to, which is therefore verified (and links their Slack or Teams identity, if any).
 */
export function webActor(email: string): Actor {
  return { platform: 'web', userId: email, email, emailVerified: true };
}
