// The environment of the app under end-to-end test (and of the fixtures that read its database).
import { databaseUrl, NAMESPACE } from "../setup/databases";
import { TEST_ENV } from "../setup/test-env";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3111);
export const E2E_DB = `verso_e2e${NAMESPACE ? `_${NAMESPACE}` : ""}`;
/** The fake Stripe (tests/setup/fake-stripe.ts) the app under test pays through; started by global-setup.ts. */
export const FAKE_STRIPE_PORT = Number(process.env.FAKE_STRIPE_PORT ?? E2E_PORT + 1);
export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`;
export const E2E_STRIPE_WEBHOOK_SECRET = "whsec_verso_e2e_fake_stripe";

export const E2E_ENV: Record<string, string> = {
  ...TEST_ENV,
  NODE_ENV: "production",
  PORT: String(E2E_PORT),
  HOST: "127.0.0.1",
  APP_URL: `http://localhost:${E2E_PORT}`,
  DATABASE_URL: databaseUrl(E2E_DB),
  REDIS_URL: "",
  LOGIN_RATE_LIMIT_PER_15_MIN: "100000",
  RATE_LIMIT_PER_MINUTE: "100000",
  LOG_LEVEL: "warn",
  STRIPE_SECRET_KEY: "sk_test_verso_e2e",
  STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
  STRIPE_API_BASE: FAKE_STRIPE_URL,
};

for (const [key, value] of Object.entries(E2E_ENV)) if (key !== "NODE_ENV") process.env[key] = value;
