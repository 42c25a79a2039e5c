// Configuration is validated at boot: one message per bad variable, naming it; defaults apply.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema, formatEnvError, parseEnv as parseProcessEnv } from "./env.server";

const VALID = {
  DATABASE_URL: "postgres://verso:secret@db.internal:5432/verso",
  SESSION_SECRET: "s".repeat(32),
  ENCRYPTION_KEY: "ab".repeat(32),
};

const parseEnv = (source: Record<string, string | undefined>) => parseProcessEnv(source as NodeJS.ProcessEnv);

function problems(source: Record<string, string | undefined>): string[] {
  const result = EnvSchema.safeParse(source);
  if (result.success) return [];
  return formatEnvError(result.error).split("\n").slice(1);
}

describe("parseEnv", () => {
  it("accepts the minimal production configuration and applies the defaults", () => {
    const env = parseEnv(VALID);
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      APP_URL: "http://localhost:3000",
      MAIL_FROM: "Verso <no-reply@localhost>",
      TRUST_PROXY: false,
      LOG_LEVEL: "info",
      BODY_LIMIT_BYTES: 1_048_576,
      RATE_LIMIT_PER_MINUTE: 600,
      LOGIN_RATE_LIMIT_PER_15_MIN: 30,
      API_RATE_LIMIT_PER_MINUTE: 120,
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("coerces numbers and treats empty optional URLs as unset", () => {
    const env = parseEnv({ ...VALID, PORT: "8080", BODY_LIMIT_BYTES: "2048", REDIS_URL: "", SMTP_URL: "" });
    expect(env.PORT).toBe(8080);
    expect(env.BODY_LIMIT_BYTES).toBe(2048);
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names DATABASE_URL when it is missing, in exactly one message", () => {
    const lines = problems({ ...VALID, DATABASE_URL: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\s*DATABASE_URL: is required/);
  });

  it("names DATABASE_URL when it is not a postgres URL", () => {
    expect(problems({ ...VALID, DATABASE_URL: "mysql://x" })).toEqual([
      expect.stringMatching(/DATABASE_URL: must be a postgres/),
    ]);
  });

  it("names SESSION_SECRET when it is too short", () => {
    const lines = problems({ ...VALID, SESSION_SECRET: "short" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SESSION_SECRET: must be at least 32 characters/);
  });

  it("names ENCRYPTION_KEY when it is not 64 hex characters", () => {
    for (const bad of ["zz".repeat(32), "ab".repeat(31), undefined]) {
      const lines = problems({ ...VALID, ENCRYPTION_KEY: bad });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\s*ENCRYPTION_KEY: /);
    }
  });

  it("throws one readable error listing every bad variable and pointing at .env.example", () => {
    expect(() => parseEnv({ SESSION_SECRET: "x" })).toThrowError(/\.env\.example/);
    let message = "";
    try {
      parseEnv({ SESSION_SECRET: "x" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["DATABASE_URL", "SESSION_SECRET", "ENCRYPTION_KEY"]) {
      expect(message.split("\n").filter((line) => line.includes(`${name}:`))).toHaveLength(1);
    }
  });

  it("refuses malformed optional values by name", () => {
    expect(problems({ ...VALID, REDIS_URL: "http://cache" })).toEqual([expect.stringMatching(/REDIS_URL:/)]);
    expect(problems({ ...VALID, SMTP_URL: "mail.example.com" })).toEqual([expect.stringMatching(/SMTP_URL:/)]);
    expect(problems({ ...VALID, LOG_LEVEL: "verbose" })).toEqual([expect.stringMatching(/LOG_LEVEL:/)]);
    expect(problems({ ...VALID, PORT: "70000" })).toEqual([expect.stringMatching(/PORT:/)]);
    expect(problems({ ...VALID, APP_URL: "not a url" })).toEqual([expect.stringMatching(/APP_URL:/)]);
    expect(problems({ ...VALID, WORKER_CONCURRENCY: "email=0" })).toEqual([expect.stringMatching(/WORKER_CONCURRENCY:/)]);
    expect(problems({ ...VALID, WORKER_CONCURRENCY: "mail=3" })).toEqual([expect.stringMatching(/WORKER_CONCURRENCY:/)]);
  });

  it("reads per-queue worker concurrency, keeping the defaults of queues it does not name", () => {
    expect(parseEnv({ ...VALID, WORKER_CONCURRENCY: "email=12, webhooks=3" }).WORKER_CONCURRENCY).toEqual({
      email: 12,
      campaigns: 1,
      reports: 1,
      maintenance: 1,
      webhooks: 3,
    });
  });

  it("refuses to switch off the webhook address guard in production, allows it in development", () => {
    expect(() => parseEnv({ ...VALID, NODE_ENV: "production", WEBHOOKS_ALLOW_PRIVATE_URLS: "true" })).toThrow(
      /WEBHOOKS_ALLOW_PRIVATE_URLS: must not be true in production/,
    );
    expect(parseEnv({ ...VALID, NODE_ENV: "development", WEBHOOKS_ALLOW_PRIVATE_URLS: "true" }).WEBHOOKS_ALLOW_PRIVATE_URLS).toBe(
      true,
    );
  });
});

describe("TRUST_PROXY", () => {
  const trust = (value: string | undefined) => parseEnv({ ...VALID, TRUST_PROXY: value }).TRUST_PROXY;

  it("is off when unset, empty, false or 0", () => {
    for (const value of [undefined, "", "false", "0"]) expect(trust(value)).toBe(false);
  });

  it("accepts true, a hop count, or a list of proxy addresses and subnets", () => {
    expect(trust("true")).toBe(true);
    expect(trust("1")).toBe(1);
    expect(trust("2")).toBe(2);
    expect(trust("loopback")).toEqual(["loopback"]);
    expect(trust("10.0.0.1, 172.16.0.0/12,fd00::/8")).toEqual(["10.0.0.1", "172.16.0.0/12", "fd00::/8"]);
  });

  it("refuses anything else by name", () => {
    expect(problems({ ...VALID, TRUST_PROXY: "yes please!" })).toEqual([expect.stringMatching(/TRUST_PROXY:/)]);
  });
});

describe(".env.example", () => {
  it("documents every variable of the schema, each with a comment", () => {
    const lines = readFileSync(".env.example", "utf8").split("\n");
    for (const name of Object.keys(EnvSchema.shape)) {
      const at = lines.findIndex((line) => new RegExp(`^#?\\s*${name}=`).test(line));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], `${name} has no comment above it`).toMatch(/^# \S/);
      expect(lines[at - 1], `${name} has no comment above it`).not.toMatch(/^# [A-Z0-9_]+=/);
    }
  });
});
