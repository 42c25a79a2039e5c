// Test databases on a real PostgreSQL: a migrated, seeded template, cloned once per test worker.
import pg from "pg";
import { migrate } from "../../prisma/migrate-runner.ts";

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Lets several checkouts or sessions run the suite at once on one server without collisions. */
export const NAMESPACE = (process.env.VERSO_TEST_NAMESPACE ?? "").replace(/[^a-z0-9]/g, "");
export const TEMPLATE_DB = `verso_test${NAMESPACE ? `_${NAMESPACE}` : ""}_template`;

export function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(name: string, template?: string) {
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
}

export async function prepareTemplate() {
  await recreateDatabase(TEMPLATE_DB);
  await migrate(databaseUrl(TEMPLATE_DB));
  const { ensureSystemRoles } = await import("../../app/domains/identity/roles-seed.server.ts");
  const { createSeedClient } = await import("../../prisma/seed/client.ts");
  const db = createSeedClient(databaseUrl(TEMPLATE_DB));
  await ensureSystemRoles(db);
  await db.$disconnect();
}
