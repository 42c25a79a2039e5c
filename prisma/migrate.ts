// `npm run db:migrate`: apply pending SQL migrations to DATABASE_URL.
import { migrate } from "./migrate-runner.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: nothing to migrate.");
  process.exit(1);
}
const applied = await migrate(url, (line) => console.log(line));
console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
