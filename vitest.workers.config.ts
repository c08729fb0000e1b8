/**
 * Tests inside workerd (`npm run test:workers`): the Worker entry (server/worker.ts) with the
 * bindings of wrangler.toml, a local D1 with the generated migrations applied, and the Node
 * fakes of Slack and Bot Framework started by the global setup.
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// A path from this file's URL (no node: import: nothing outside the Node entry points needs one).
const root = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);

export default defineConfig(async () => {
  const migrations = await readD1Migrations(root('./migrations'));
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: root('./server/worker.ts'),
        wrangler: { configPath: root('./wrangler.toml') },
        miniflare: {
          bindings: { ...inject('workerEnv'), TEST_MIGRATIONS: migrations },
        },
      })),
    ],
    test: {
      name: 'workers',
      include: ['test/workers/**/*.test.ts'],
      globalSetup: ['test/workers/global-setup.ts'],
      setupFiles: ['test/workers/apply-migrations.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
