// Bundles the Express entry points (web process and worker) into build/server-entry/.
// Packages stay external (installed in node_modules); our own TypeScript is compiled in.
import { build } from "esbuild";

await build({
  entryPoints: {
    index: "server/index.ts",
    worker: "worker/index.ts",
    migrate: "prisma/migrate.ts",
    seed: "prisma/seed/index.ts",
  },
  outdir: `${process.env.VERSO_BUILD_DIR ?? "build"}/server-entry`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  alias: { "~": "./app" },
  logLevel: "warning",
});
console.log("built build/server-entry/{index,worker,migrate,seed}.js");
