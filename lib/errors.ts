/**
 * What a caught value says about itself. `catch` hands over `unknown` (anything can be thrown), so
 * the message and the system error code are read by shape rather than by asserting an Error.
 */
export function errorMessage(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string' ? err.message : undefined;
}

/** The `code` of a system or driver error ("EPERM", "SQLITE_BUSY"), if it has one. */
export function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}
