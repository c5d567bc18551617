import { defineConfig } from "vitest/config";

// Three projects: every unit and integration test on PGlite; the database tests (*.db.test.ts)
// again on PostgreSQL; the browser journeys in e2e/ against a real server in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "pglite",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
          env: { SAMRAD_TEST_DB: "pglite" },
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: ["src/**/*.db.test.ts", "src/**/*.db.test.tsx"],
          env: { SAMRAD_TEST_DB: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
