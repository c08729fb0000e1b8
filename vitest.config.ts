import { defineConfig } from 'vitest/config';

// Two projects, one command: the Node suite, and the Workers suite inside workerd.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/workers/**', 'node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          pool: 'forks',
        },
      },
      './vitest.workers.config.ts',
    ],
  },
});
