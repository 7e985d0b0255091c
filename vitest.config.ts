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
    maxWorkers: 2,
    // Files share their worker's module cache: the kit's modules load once per worker, not once per
    // file (about 45 s of imports on the 2-core machine). No test mocks a module (a stubbed global is
    // restored after its test), and each test works in its own temporary project, so nothing a module
    // caches is shared between tests.
    isolate: false
  }
});
