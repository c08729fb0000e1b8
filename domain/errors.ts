/**
 * An error a person can be told about. `code` is for logs and tests, `message` is the sentence
 * the user sees; neither carries a stack trace or personal data.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
