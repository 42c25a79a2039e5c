// Runs before every test file in a worker: points DATABASE_URL at the worker's own database,
// cloned from the template the first time the worker needs it.
import { afterAll } from "vitest";
import { databaseUrl, NAMESPACE, recreateDatabase, TEMPLATE_DB } from "./databases.ts";
import { applyTestEnv } from "./test-env.ts";

applyTestEnv();
const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";
const name = `verso_test${NAMESPACE ? `_${NAMESPACE}` : ""}_w${worker}`;
if (process.env.VERSO_TEST_DB !== name) {
  await recreateDatabase(name, TEMPLATE_DB);
  process.env.VERSO_TEST_DB = name;
}
process.env.DATABASE_URL = databaseUrl(name);
process.env.REDIS_URL ??= "";

afterAll(async () => {
  const g = globalThis as { __versoPrisma?: { $disconnect(): Promise<void> } };
  await g.__versoPrisma?.$disconnect();
});
