// Empty every table between tests (roles and permissions are put back), so tests never see
// each other's rows. Call from beforeEach in files that touch the database.
import { ensureSystemRoles } from "~/domains/identity/roles-seed.server";
import { prisma } from "~/infra/db.server";

let tables: string[] | undefined;

export async function resetDatabase() {
  tables ??= (
    await prisma.$queryRaw<Array<{ tablename: string }>>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_verso_migrations'`
  ).map((row) => `"${row.tablename}"`);
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} CASCADE`);
  await ensureSystemRoles(prisma);
}

/** Row counts of every table, to prove a refused request changed nothing. */
export async function rowCounts() {
  const tables = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_verso_migrations' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${tablename}"`);
    counts[tablename] = Number(row.n);
  }
  return counts;
}
