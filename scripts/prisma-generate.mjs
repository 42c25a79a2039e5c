// `prisma generate` offline: the Prisma 7 CLI insists on a native schema engine it cannot download
// here; generate does not use it, so point it at a stub when no real engine is installed.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = path.resolve("node_modules/.cache/verso/schema-engine-stub");
  if (!existsSync(stub)) {
    mkdirSync(path.dirname(stub), { recursive: true });
    writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available offline' >&2\nexit 1\n");
    chmodSync(stub, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const result = spawnSync("node_modules/.bin/prisma", ["generate", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
