// A fresh, migrated database with the built-in roles for every end-to-end run.
import { migrate } from "../../prisma/migrate-runner";
import { databaseUrl, recreateDatabase } from "../setup/databases";
import { E2E_DB } from "./env";

export default async function globalSetup() {
  await recreateDatabase(E2E_DB);
  await migrate(databaseUrl(E2E_DB));
  const { ensureSystemRoles } = await import("../../app/domains/identity/roles-seed.server");
  const { createSeedClient } = await import("../../prisma/seed/client");
  const db = createSeedClient(databaseUrl(E2E_DB));
  await ensureSystemRoles(db);
  await db.$disconnect();
}
