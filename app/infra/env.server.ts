// Configuration: read once, validated at boot. A missing or malformed variable stops the process
// with one message that names it (see formatEnvError).
import { z } from "zod";

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hexadecimal characters (32 bytes)");

const trustProxy = z
  .string()
  .default("false")
  .transform((value, ctx) => {
    if (value === "false" || value === "0" || value === "") return false as const;
    if (value === "true") return true as const;
    if (/^\d+$/.test(value)) return Number(value);
    if (/^[\w.:/,\s-]+$/.test(value)) return value.split(",").map((part) => part.trim());
    ctx.addIssue({ code: "custom", message: 'must be "false", a hop count, or a comma-separated list of proxy addresses' });
    return z.NEVER;
  });

const QUEUES = ["email", "campaigns", "reports", "maintenance", "webhooks"] as const;
const DEFAULT_CONCURRENCY = { email: 5, campaigns: 1, reports: 1, maintenance: 1, webhooks: 10 };

/** "email=5,webhooks=10": per-queue worker concurrency; queues not named keep their default. */
const concurrency = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const result: Record<(typeof QUEUES)[number], number> = { ...DEFAULT_CONCURRENCY };
    for (const part of value
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const match = /^([a-z]+)=(\d+)$/.exec(part);
      const queue = match?.[1] as (typeof QUEUES)[number] | undefined;
      if (!match || !queue || !QUEUES.includes(queue) || Number(match[2]) < 1) {
        ctx.addIssue({ code: "custom", message: `must be a list like "email=5,webhooks=10" over ${QUEUES.join(", ")}` });
        return z.NEVER;
      }
      result[queue] = Number(match[2]);
    }
    return result;
  });

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((value) => value === "true" || value === "1");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  DATABASE_URL: z
    .string({ required_error: "is required (a postgres:// connection URL)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SESSION_SECRET: z
    .string({ required_error: "is required (at least 32 random characters)" })
    .min(32, "must be at least 32 characters"),
  ENCRYPTION_KEY: hex64,
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Verso <no-reply@localhost>"),
  TRUST_PROXY: trustProxy,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().positive().default(30),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/, "must be letters, digits, - or _")
    .default("verso"),
  WORKER_CONCURRENCY: concurrency,
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  WORKER_GRACE_MS: z.coerce.number().int().min(0).default(25_000),
  JOB_BACKOFF_MS: z.coerce.number().int().min(0).optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_PROCESSOR: z.enum(["on", "off"]).default("on"),
  EXPORT_TTL_HOURS: z.coerce.number().int().positive().default(24),
  WEBHOOKS_ALLOW_PRIVATE_URLS: flag,
  // Stripe Checkout. Without a secret key the shop offers only the offline payment method.
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_…, sk_live_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "must be a Stripe webhook signing secret (whsec_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Where the Stripe SDK sends requests; only tests and local fakes change it. */
  STRIPE_API_BASE: z.string().url().default("https://api.stripe.com"),
});

/** The fields, plus the rules that relate them. */
const ValidEnv = EnvSchema.superRefine((env, ctx) => {
  // The SSRF guard's off switch is for local development against a receiver on this machine.
  if (env.NODE_ENV === "production" && env.WEBHOOKS_ALLOW_PRIVATE_URLS) {
    ctx.addIssue({ code: "custom", path: ["WEBHOOKS_ALLOW_PRIVATE_URLS"], message: "must not be true in production" });
  }
  // Payments confirmed by webhook: a key without the signing secret would take money and never see it.
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set" });
  }
});

export type Env = z.infer<typeof EnvSchema>;

export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Invalid configuration: fix these environment variables (see .env.example):\n${lines.join("\n")}`;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = ValidEnv.safeParse(source);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration; the first call validates and stops the process on error. */
export function getEnv(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  return cached;
}
