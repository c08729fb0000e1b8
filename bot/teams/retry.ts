/**
 * A short retry for answers to the person in front of us (the outbox handles everything else):
 * no answer, 429, 412 and 5xx are tried again up to three times, honouring Retry-After up to 10 s.
 */
interface Log {
  error(msg: string, fields?: Record<string, unknown>): void;
}

export async function withRetry<T>(fn: () => Promise<T>, log: Log): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const err = e as { status?: number; retryAfterMs?: number };
      const retryable = err.status === 0 || err.status === 429 || err.status === 412 || (err.status ?? 0) >= 500;
      if (!retryable || attempt >= 3) {
        log.error('teams_reply_failed', { error: e, attempt });
        return undefined;
      }
      await new Promise((r) => setTimeout(r, Math.min(err.retryAfterMs ?? 500 * attempt, 10_000)));
    }
  }
}
