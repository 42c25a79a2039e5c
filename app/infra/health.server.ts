// Readiness: the database answers, and Redis answers when it is configured.
import { prisma } from "./db.server";
import type { Redis } from "ioredis";
import { getRedis } from "./redis.server";

export type ReadinessReport = { ok: boolean; checks: Record<string, "ok" | "down" | "not configured"> };

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh client is still connecting (and refuses commands while it does): wait for it first. */
async function pingRedis(redis: Redis): Promise<string> {
  if (redis.status !== "ready") {
    await new Promise<void>((resolve, reject) => {
      redis.once("ready", () => resolve());
      redis.once("error", reject);
    });
  }
  return redis.ping();
}

export async function checkReadiness(): Promise<ReadinessReport> {
  const checks: ReadinessReport["checks"] = {};
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, 2000);
    checks.database = "ok";
  } catch {
    checks.database = "down";
  }
  const redis = getRedis();
  if (!redis) checks.redis = "not configured";
  else {
    try {
      await withTimeout(pingRedis(redis), 2000);
      checks.redis = "ok";
    } catch {
      checks.redis = "down";
    }
  }
  return { ok: Object.values(checks).every((value) => value !== "down"), checks };
}

export async function closeResources(): Promise<void> {
  await prisma.$disconnect().catch(() => {});
  await getRedis()
    ?.quit()
    .catch(() => {});
}
