// Environment every test process runs with (real services; secrets fixed for reproducibility).
export const TEST_ENV = {
  NODE_ENV: "test",
  SESSION_SECRET: "test-session-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: "0f".repeat(32),
  APP_URL: `http://localhost:${process.env.E2E_PORT ?? 3111}`,
  LOG_LEVEL: "warn",
  RATE_LIMIT_PER_MINUTE: "100000",
};

export function applyTestEnv() {
  for (const [key, value] of Object.entries(TEST_ENV)) process.env[key] ??= value;
}
