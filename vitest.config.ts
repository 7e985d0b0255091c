import {defineConfig} from "vitest/config";

// Tests are deterministic: one time zone, no colour codes. Generous timeouts: the suite must pass on a
// busy 2-core machine (another build beside it), and no test asserts on time. Two test files run at once,
// since most of their time is spent waiting for builds, servers and Chromium.
process.env.TZ = "UTC";
process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 600_000,
    maxWorkers: 2
  }
});
