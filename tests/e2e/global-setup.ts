// A fresh, migrated database with the built-in roles for every end-to-end run.
import { migrate } from "../../prisma/migrate-runner";
import { databaseUrl, recreateDatabase } from "../setup/databases";
import { startFakeStripe } from "../setup/fake-stripe";
import { E2E_DB, E2E_PORT, E2E_STRIPE_WEBHOOK_SECRET, FAKE_STRIPE_PORT } from "./env";

export default async function globalSetup() {
  await recreateDatabase(E2E_DB);
  await migrate(databaseUrl(E2E_DB));
  const { ensureSystemRoles } = await import("../../app/domains/identity/roles-seed.server");
  const { createSeedClient } = await import("../../prisma/seed/client");
  const db = createSeedClient(databaseUrl(E2E_DB));
  await ensureSystemRoles(db);
  await db.$disconnect();
  // The app pays through this fake Stripe; its webhooks come back to the app like Stripe's would.
  const fakeStripe = await startFakeStripe({
    port: FAKE_STRIPE_PORT,
    webhookSecret: E2E_STRIPE_WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${E2E_PORT}/webhooks/stripe`,
  });
  return () => fakeStripe.close();
}
