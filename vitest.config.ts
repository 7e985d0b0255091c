import {defineConfig} from "vitest/config";

// Tests are deterministic: one time zone, no colour codes, and the browser tests get time to start Chromium.
process.env.TZ = "UTC";
process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 300_000
  }
});
