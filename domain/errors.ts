/**
 * One error model. A rule violation or a refusal is an AppError with a kind and a code; only the
 * edge (an HTTP route, a platform adapter) turns the kind into a status or a platform answer.
 * `code` is for logs and tests, `message` the sentence a person sees; neither carries a stack
 * trace or personal data. Anything that is not an AppError is our fault: a 5xx, logged.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'busy';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const STATUS: Record<ErrorKind, 400 | 403 | 404 | 409 | 503> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  busy: 503,
};

/** The HTTP status for an error kind (the edges' one mapping). */
export function statusOf(kind: ErrorKind): 400 | 403 | 404 | 409 | 503 {
  return STATUS[kind];
}
