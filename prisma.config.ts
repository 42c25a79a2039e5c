import path from "node:path";
import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (generate needs no database): never use env() here, it throws.
export default defineConfig({
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
