// The SQL migration runner (`npm run db:migrate`, the release command): applies pending files in
// order, is idempotent, rolls a failing file back, and refuses an applied file that was edited.
// Runs the real CLI in a child process against a scratch database and a temporary migrations dir.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, NAMESPACE, recreateDatabase } from "../setup/databases";

const DB = `verso_test${NAMESPACE ? `_${NAMESPACE}` : ""}_migrations_w${process.env.VITEST_POOL_ID ?? "0"}`;
let dir: string;

function writeMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

function runMigrate() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(DB), MIGRATIONS_DIR: dir },
    encoding: "utf8",
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

async function query<T extends pg.QueryResultRow>(sql: string) {
  const client = new pg.Client({ connectionString: databaseUrl(DB) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "verso-migrations-"));
  await recreateDatabase(DB);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.end();
});

describe("migration runner", () => {
  it("applies pending migrations in name order and records them", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY);`);
    writeMigration("20260102000000_second", `ALTER TABLE "Thing" ADD COLUMN "name" TEXT NOT NULL DEFAULT '';`);
    const run = runMigrate();
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("2 migration(s) applied.");
    const applied = await query<{ name: string }>(`SELECT "name" FROM "_verso_migrations" ORDER BY "name"`);
    expect(applied.map((r) => r.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const before = await query(`SELECT "name", "checksum", "appliedAt" FROM "_verso_migrations" ORDER BY "name"`);
    const run = runMigrate();
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Database is up to date.");
    expect(await query(`SELECT "name", "checksum", "appliedAt" FROM "_verso_migrations" ORDER BY "name"`)).toEqual(before);
  });

  it("rolls back a failing migration completely and stops there", async () => {
    writeMigration("20260103000000_broken", `CREATE TABLE "Half" ("id" TEXT); SELECT * FROM "NoSuchTable";`);
    writeMigration("20260104000000_after", `CREATE TABLE "After" ("id" TEXT);`);
    const run = runMigrate();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("Migration 20260103000000_broken failed");
    const names = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Half', 'After')`,
    );
    expect(names).toEqual([]);
    rmSync(path.join(dir, "20260103000000_broken"), { recursive: true });
    rmSync(path.join(dir, "20260104000000_after"), { recursive: true });
  });

  it("refuses to run when an applied migration was edited", async () => {
    writeMigration("20260101000000_first", `CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY, "extra" INT);`);
    writeMigration("20260105000000_next", `CREATE TABLE "Next" ("id" TEXT);`);
    const run = runMigrate();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("Migration 20260101000000_first was edited after it was applied");
    const next = await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Next'`);
    expect(next).toEqual([]);
  });
});
