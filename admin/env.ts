/**
 * Types shared by the admin sub-app: what the session middleware puts on the context.
 */
import type { Role } from './auth/roles';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** For a state_party user: the State party (ISO 3166-1 alpha-2) they speak for. */
  stateParty: string | null;
}

export interface AdminEnv {
  // Node's adapter passes { incoming, outgoing }; Workers pass bindings. Only the socket is read.
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  Variables: {
    user: SessionUser;
    sessionId: string;
    csrf: string;
  };
}
