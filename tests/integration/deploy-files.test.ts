// The deployment files agree with the code: the Dockerfile builds a non-root multi-stage image
// that runs the web entry, fly.toml runs the app and worker groups and migrates on release.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";

type Instruction = { op: string; args: string; stage: number };

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!pending && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = "";
  }
  let stage = -1;
  return logical.map((line) => {
    const [op, ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === "FROM") stage += 1;
    return { op: op.toUpperCase(), args: rest.join(" "), stage };
  });
}

const dockerfile = parseDockerfile(readFileSync("Dockerfile", "utf8"));
const fly = parse(readFileSync("fly.toml", "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const buildServer = readFileSync("scripts/build-server.mjs", "utf8");
const lastStage = Math.max(...dockerfile.map((i) => i.stage));
const inFinal = dockerfile.filter((i) => i.stage === lastStage);
const execForm = (args: string) => (args.startsWith("[") ? (JSON.parse(args) as string[]).join(" ") : args);

describe("Dockerfile", () => {
  it("is multi-stage on node:20-bookworm-slim", () => {
    const froms = dockerfile.filter((i) => i.op === "FROM");
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from.args).toMatch(/^node:20-bookworm-slim\b/);
  });

  it("installs with npm install (never npm ci), without browser downloads", () => {
    const runs = dockerfile.filter((i) => i.op === "RUN").map((i) => i.args);
    expect(runs.some((cmd) => /\bnpm (ci|clean-install)\b/.test(cmd))).toBe(false);
    expect(runs.some((cmd) => /\bnpm install\b/.test(cmd))).toBe(true);
    expect(dockerfile.some((i) => i.op === "ENV" && /PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1/.test(i.args))).toBe(true);
    expect(runs.some((cmd) => cmd.includes("scripts/prisma-generate.mjs"))).toBe(true);
    expect(runs.some((cmd) => /npm run build\b/.test(cmd))).toBe(true);
    expect(runs.some((cmd) => /npm prune --omit=dev/.test(cmd))).toBe(true);
  });

  it("runs the final stage as a non-root user", () => {
    const users = inFinal.filter((i) => i.op === "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.args).not.toMatch(/^(root|0)(:|$)/);
  });

  it("exposes 3000, checks /healthz and runs the web entry by default", () => {
    expect(inFinal.some((i) => i.op === "EXPOSE" && i.args.split(/\s+/).includes("3000"))).toBe(true);
    const healthcheck = inFinal.find((i) => i.op === "HEALTHCHECK");
    expect(healthcheck?.args).toContain("/healthz");
    const cmd = inFinal.filter((i) => i.op === "CMD").at(-1);
    expect(execForm(cmd!.args)).toBe("node build/server-entry/index.js");
  });

  it("ships the build output and the migrations in the final stage", () => {
    const copies = inFinal.filter((i) => i.op === "COPY").map((i) => i.args);
    expect(copies.some((args) => /\/app\/build\s+\.\/build$/.test(args))).toBe(true);
    expect(copies.some((args) => args.includes("prisma/migrations"))).toBe(true);
  });

  it("has a .dockerignore that keeps secrets, data and local builds out", () => {
    const ignored = readFileSync(".dockerignore", "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of ["node_modules", ".env", ".data", ".git", "build"]) expect(ignored).toContain(entry);
  });
});

describe("build output", () => {
  it("bundles the web, worker, migrate and seed entries that the image and fly.toml run", () => {
    const entries = /entryPoints:\s*\{([^}]*)\}/.exec(buildServer)?.[1] ?? "";
    const names = [...entries.matchAll(/(\w+):\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(names)).toMatchObject({
      index: "server/index.ts",
      worker: "worker/index.ts",
      migrate: "prisma/migrate.ts",
      seed: "prisma/seed/index.ts",
    });
  });
});

describe("fly.toml", () => {
  it("names the app and its primary region", () => {
    expect(typeof fly.app).toBe("string");
    expect(fly.primary_region).toMatch(/^[a-z]{3}$/);
  });

  it("runs app and worker process groups from the same image", () => {
    expect(fly.processes).toEqual({ app: "node build/server-entry/index.js", worker: "node build/server-entry/worker.js" });
  });

  it("migrates as the release command", () => {
    expect(fly.deploy.release_command).toBe("node build/server-entry/migrate.js");
  });

  it("serves the app group on 3000 with a /healthz check, in production", () => {
    expect(fly.http_service.internal_port).toBe(3000);
    expect(fly.http_service.processes).toEqual(["app"]);
    const checks = fly.http_service.checks as Array<{ path: string; method?: string }>;
    expect(checks.map((c) => c.path)).toContain("/healthz");
    expect(fly.env.NODE_ENV).toBe("production");
  });

  it("keeps secrets out of the file", () => {
    for (const name of ["DATABASE_URL", "SESSION_SECRET", "ENCRYPTION_KEY", "REDIS_URL", "SMTP_URL"]) {
      expect(fly.env[name], name).toBeUndefined();
    }
  });
});
