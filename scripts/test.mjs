// `npm test`: the whole suite. Type check, lint, unit + integration tests (Vitest, real PostgreSQL
// and Redis), production build, end-to-end journeys (Playwright, Chromium, JavaScript off and on).
// Uses PostgreSQL on 127.0.0.1:5432 (or TEST_DATABASE_ADMIN_URL); when none answers, an embedded one.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { canConnect, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { run } from "./lib/run.mjs";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
delete env.DATABASE_URL;
env.TEST_DATABASE_ADMIN_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
let embedded;
if (!(await canConnect(env.TEST_DATABASE_ADMIN_URL))) {
  console.log("No PostgreSQL at TEST_DATABASE_ADMIN_URL: starting an embedded one in .data/test-postgres");
  embedded = await startEmbeddedPostgres({ dir: ".data/test-postgres", port: 54331, database: "postgres" });
  env.TEST_DATABASE_ADMIN_URL = embedded.adminUrl;
}
const RESULTS = process.env.VERSO_RESULTS_DIR ?? "test-results";
mkdirSync(RESULTS, { recursive: true });

const steps = process.argv.slice(2);
const want = (name) => steps.length === 0 || steps.includes(name);
let failed = false;
const step = async (name, command, args) => {
  if (!want(name)) return;
  console.log(`\n── ${name} ──`);
  const code = await run(command, args, { env, allowFailure: true });
  if (code !== 0) {
    failed = true;
    console.error(`✗ ${name} failed (exit ${code})`);
  }
};

try {
  await step("generate", "node", ["scripts/prisma-generate.mjs"]);
  await step("typecheck", "npx", ["tsc", "--noEmit"]);
  await step("lint", "npx", ["eslint", "--max-warnings=0", "."]);
  await step("format", "npx", ["prettier", "--check", "."]);
  // Build before the Vitest run: tests/integration/server-*.test.ts start the production build.
  await step("build", "npm", ["run", "build"]);
  await step("unit", "npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${RESULTS}/vitest.json`,
  ]);
  await step("e2e", "npx", ["playwright", "test"]);
} finally {
  if (embedded) await embedded.server.stop().catch(() => {});
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = `${RESULTS}/vitest.json`;
if (want("unit") && existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, "utf8"));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
const playwright = `${RESULTS}/playwright.json`;
if (want("e2e") && existsSync(playwright)) {
  const stats = JSON.parse(readFileSync(playwright, "utf8")).stats;
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failed || counts.failed > 0 ? 1 : 0);
