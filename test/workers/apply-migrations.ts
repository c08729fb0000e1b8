// The same SQL files `wrangler d1 migrations apply` runs; applying twice is a no-op.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
