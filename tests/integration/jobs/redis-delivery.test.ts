// Redis mode, with real Redis servers: requests only write outbox rows, the relay moves them to
// BullMQ, BullMQ workers run them. A Redis outage delays work and loses none; a job that always
// fails ends in the dead-letter list; two workers never run one job twice.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startPrivateRedis, type PrivateRedis } from "../../setup/private-redis";
import { readable, startSmtpSink, type SmtpSink } from "../../setup/smtp-sink";
import { until } from "../../setup/wait";

const STRONG = "Correct-Horse-Battery-9";
let redis: PrivateRedis;
let sink: SmtpSink;

// The app reads its configuration once per module graph: set it before the first import.
beforeAll(async () => {
  redis = await startPrivateRedis();
  sink = await startSmtpSink();
  process.env.REDIS_URL = redis.url;
  process.env.SMTP_URL = sink.url;
  process.env.QUEUE_PREFIX = `t-${randomUUID().slice(0, 8)}`;
  process.env.JOB_BACKOFF_MS = "10";
  process.env.WORKER_LOCK_MS = "5000";
});

afterAll(async () => {
  const { closeQueues } = await import("~/infra/queue/queues.server");
  await closeQueues();
  await sink.close();
  await redis.stop();
});

const app = async () => ({
  ...(await import("~/infra/db.server")),
  ...(await import("~/infra/queue/queues.server")),
  ...(await import("~/domains/platform/outbox/relay.server")),
  ...(await import("~/domains/platform/outbox/processor.server")),
  ...(await import("~/domains/platform/email/messages.server")),
  ...(await import("~/domains/platform/jobs/define")),
  ...(await import("~/domains/platform/jobs/registry.server")),
  ...(await import("../../../worker/runtime")),
  ...(await import("../../setup/reset")),
  ...(await import("../../setup/requests")),
});

beforeEach(async () => {
  const { resetDatabase, getQueue } = await app();
  await resetDatabase();
  sink.reset();
  for (const name of ["email", "maintenance", "webhooks", "campaigns", "reports"] as const) {
    await getQueue(name).obliterate({ force: true });
  }
});

async function register(email: string) {
  const { formRequest, settle, context } = await app();
  const { action } = await import("~/routes/_auth+/auth.register");
  const request = await formRequest("/auth/register", { name: "Rui", email, password: STRONG, confirmPassword: STRONG });
  return settle(() => action({ request, params: {}, context: context() }) as Promise<unknown>);
}

describe("Redis mode", () => {
  it("never sends e-mail inside the request: the worker sends it once, after the relay", async () => {
    const { prisma, startQueueWorkers, startOutboxProcessor } = await app();
    const answer = await register("rui@example.com");
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(302);
    // the answer is out; nothing has been sent, the work waits in the outbox
    expect(sink.connections()).toBe(0);
    expect(await prisma.outboxEvent.count({ where: { status: "pending" } })).toBeGreaterThan(0);

    const relay = startOutboxProcessor({ mode: "relay" });
    const workers = startQueueWorkers();
    try {
      await until("the verification e-mail", async () => sink.received.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300)); // room for a wrong second copy
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].to).toEqual(["rui@example.com"]);
      expect(readable(sink.received[0].raw)).toMatch(/verify-email\?token=[\w-]{20,}/);
    } finally {
      await relay.stop();
      await workers.close();
    }
  });

  it("accepts the action while Redis is down and delivers the e-mail once when Redis is back", async () => {
    const { prisma, relayBatch, startQueueWorkers, startOutboxProcessor } = await app();
    await redis.stop();
    const answer = await register("ines@example.com");
    expect((answer as Response).status).toBe(302);
    expect(await prisma.user.count({ where: { email: "ines@example.com" } })).toBe(1);

    // the relay cannot reach Redis: the event stays pending, with the reason
    expect(await relayBatch()).toBeGreaterThan(0);
    const waiting = await prisma.outboxEvent.findMany({ where: { status: "pending" } });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((event) => event.lastError !== null)).toBe(true);

    await redis.start();
    const relay = startOutboxProcessor({ mode: "relay" });
    const workers = startQueueWorkers();
    try {
      await until("the e-mail after Redis came back", async () => sink.received.length > 0, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.received.map((mail) => mail.to[0])).toEqual(["ines@example.com"]);
      expect(await prisma.outboxEvent.count({ where: { status: "pending" } })).toBe(0);
    } finally {
      await relay.stop();
      await workers.close();
    }
  });

  it("relays marketing mail with a lower priority than account mail", async () => {
    const { prisma, queueEmail, relayBatch, getQueue } = await app();
    const mail = (to: string, category: "marketing" | "transactional") =>
      queueEmail(prisma, { to, subject: to, html: "<p>x</p>", text: "x", template: "test", category });
    await mail("news@example.com", "marketing");
    await mail("code@example.com", "transactional");
    await relayBatch();
    const events = await prisma.outboxEvent.findMany({ orderBy: { priority: "asc" } });
    const jobs = await Promise.all(events.map((event) => getQueue("email").getJob(event.id)));
    expect(jobs.map((job) => job?.opts.priority ?? 0)).toEqual([0, 10]);
  });

  it("dead-letters a job that always throws after its configured attempts, with its error", async () => {
    const { prisma, defineJob, registerJob, getQueue, relayBatch, startQueueWorkers } = await app();
    const { enqueueJob } = await import("~/domains/platform/outbox/outbox.server");
    let runs = 0;
    const broken = defineJob({
      name: "test_always_throws",
      queue: "maintenance",
      description: "always fails",
      payload: z.object({ n: z.number() }),
      attempts: 3,
      backoffMs: 10,
      handler: async () => {
        runs += 1;
        throw new Error(`broken on purpose (${runs})`);
      },
    });
    registerJob(broken);
    const id = await enqueueJob(prisma, broken, { n: 1 });
    await relayBatch();
    const workers = startQueueWorkers({ queues: ["maintenance"] });
    try {
      const job = await until("the job to be dead-lettered", async () => {
        const found = await getQueue("maintenance").getJob(id);
        return found && (await found.getState()) === "failed" && found.attemptsMade >= 3 ? found : undefined;
      });
      expect(runs).toBe(3);
      expect(job.failedReason).toBe("broken on purpose (3)");
      expect(job.stacktrace).toHaveLength(3);
      const failed = await getQueue("maintenance").getFailed();
      expect(failed.map((j) => j.id)).toEqual([id]);
    } finally {
      await workers.close();
    }
  });

  it("two workers never run one job twice, and a duplicate relay adds nothing", async () => {
    const { prisma, defineJob, registerJob, relayBatch, startQueueWorkers, getQueue } = await app();
    const { enqueueJob } = await import("~/domains/platform/outbox/outbox.server");
    const runs = new Map<string, number>();
    const counted = defineJob({
      name: "test_counted",
      queue: "maintenance",
      description: "counts its runs",
      payload: z.object({}),
      attempts: 1,
      backoffMs: 0,
      handler: async (_payload, { eventId }) => {
        runs.set(eventId, (runs.get(eventId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    registerJob(counted);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await enqueueJob(prisma, counted, {}));
    await relayBatch();
    // the same events relayed again, as after a relay that died before marking them
    await prisma.outboxEvent.updateMany({ where: { id: { in: ids } }, data: { status: "pending" } });
    await relayBatch();
    const first = startQueueWorkers({ queues: ["maintenance"], concurrency: { maintenance: 4 } });
    const second = startQueueWorkers({ queues: ["maintenance"], concurrency: { maintenance: 4 } });
    try {
      await until("every job to run", async () => runs.size === 60);
      await until("the queue to drain", async () => (await getQueue("maintenance").getCompletedCount()) === 60);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
