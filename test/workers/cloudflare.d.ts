// The parts of the workerd test modules these tests use, typed for the project's tsconfig (which
// checks test/ with Node and DOM types rather than the full Workers types).
declare module 'cloudflare:workers' {
  import type { D1Database, Fetcher } from '@cloudflare/workers-types';
  export const env: {
    DB: D1Database;
    ASSETS?: Fetcher;
    TEST_MIGRATIONS: { name: string; queries: string[] }[];
    CONTROL_URL: string;
    [name: string]: unknown;
  };
  export const exports: { default: { fetch(request: Request): Promise<Response> } };
}

declare module 'cloudflare:test' {
  import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
  export function createExecutionContext(): ExecutionContext;
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>;
  export function createScheduledController(options?: { scheduledTime?: Date | number; cron?: string }): ScheduledController;
  export function applyD1Migrations(db: D1Database, migrations: { name: string; queries: string[] }[], table?: string): Promise<void>;
}
