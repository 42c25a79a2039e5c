// /admin/tasks in Redis mode against the real Redis server: jobs added the way the relay adds them,
// a BullMQ worker in this process dead-letters one that always fails; the page counts it, shows its
// stack, retries and discards it once; the repeatable jobs come from the registered job schedulers;
// "Run now" goes through the outbox and the relay to the worker.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The app reads its configuration once: point it at Redis, with queues of our own, before any import.
vi.hoisted(() => {
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.QUEUE_PREFIX = `tasks-test-${Math.random().toString(36).slice(2, 10)}`;
  process.env.JOB_BACKOFF_MS = "10";
  process.env.WORKER_LOCK_MS = "5000";
});

import { defineJob } from "~/domains/platform/jobs/define";
import { REDACTED } from "~/domains/platform/jobs/redact";
import { registerJob } from "~/domains/platform/jobs/registry.server";
import { listTasks } from "~/domains/platform/jobs/task-admin.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { drainOutbox } from "~/domains/platform/outbox/processor.server";
import { jobOptions } from "~/domains/platform/outbox/relay.server";
import { prisma } from "~/infra/db.server";
import { readToast } from "~/infra/flash.server";
import { QUEUE_NAMES } from "~/infra/queue/names";
import { closeQueues, getQueue, queuePrefix } from "~/infra/queue/queues.server";
import * as task from "~/routes/admin+/tasks.$queue.$jobId";
import * as overview from "~/routes/admin+/tasks._index";
import * as jobs from "~/routes/admin+/tasks.jobs";
import { startQueueWorkers, type QueueWorkers } from "../../worker/runtime";
import { syncJobSchedulers } from "../../worker/schedules";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";
import { until } from "../setup/wait";

const doomed = defineJob({
  name: "test_tasks_redis_doomed",
  queue: "maintenance",
  description: "always fails",
  payload: z.object({ label: z.string(), accessToken: z.string() }),
  attempts: 2,
  backoffMs: 10,
  handler: async () => {
    throw new Error("printer on fire");
  },
});
registerJob(doomed);

type Overview = {
  mode: string;
  queues: Array<{ queue: string; counts: Record<string, number> | null; awaitingRelay: number | null }>;
  schedules: Array<{ id: string; nextRunAt: Date; registered: boolean | null }>;
  runKey: string;
};
type Detail = {
  task: {
    state: string;
    attemptsMade: number;
    maxAttempts: number;
    failedReason: string | null;
    stacktrace: string[];
    payload: Record<string, unknown>;
    nextAttemptAt: Date | null;
    finishedAt: Date | null;
  };
};

async function toastOf(response: unknown) {
  const cookie = (response as Response).headers.get("Set-Cookie")?.split(";")[0] ?? "";
  return (await readToast(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toast;
}

async function addDoomed({ delay }: { delay?: number } = {}) {
  const id = randomUUID();
  await getQueue("maintenance").add(
    doomed.name,
    { eventId: id, payload: { label: "shown", accessToken: "tok-secret-1" } },
    { ...jobOptions(id, doomed.name), ...(delay ? { delay } : {}) },
  );
  return id;
}

const stateOf = async (id: string) => (await getQueue("maintenance").getJobState(id)) as string;

let workers: QueueWorkers;
let adminId: string;

beforeAll(() => {
  workers = startQueueWorkers({ queues: ["maintenance"], concurrency: { maintenance: 2 } });
});

afterAll(async () => {
  await workers.close(5_000);
  for (const name of QUEUE_NAMES) await getQueue(name).obliterate({ force: true });
  await closeQueues();
  const g = globalThis as { __versoRedis?: { quit(): Promise<unknown> } | null };
  await g.__versoRedis?.quit().catch(() => undefined);
});

beforeEach(async () => {
  await resetDatabase();
  for (const name of QUEUE_NAMES) await getQueue(name).obliterate({ force: true });
  adminId = (await createUser({ roles: ["admin"] })).id;
});

const viewOverview = async () =>
  payloadOf<Overview>(await run(overview.loader, await getRequest("/admin/tasks", { userId: adminId })));
const viewTask = async (id: string) =>
  payloadOf<Detail>(
    await run(task.loader, await getRequest(`/admin/tasks/maintenance/${id}`, { userId: adminId }), {
      queue: "maintenance",
      jobId: id,
    }),
  );
const post = async (id: string, fields: Record<string, string>) =>
  run(task.action, await formRequest(`/admin/tasks/maintenance/${id}`, fields, { userId: adminId }), {
    queue: "maintenance",
    jobId: id,
  });

describe("admin tasks (Redis mode)", () => {
  it("counts the dead-lettered job, lists it and shows its stack, with the payload redacted", async () => {
    const dead = await addDoomed();
    const delayed = await addDoomed({ delay: 60_000 });
    await getQueue("email").add("send_email", { eventId: "e1", payload: { messageId: "m1" } }, jobOptions("e1", "send_email"));
    await enqueueJob(prisma, doomed, { label: "not relayed yet", accessToken: "x" });
    await until("the dead letter", async () => (await stateOf(dead)) === "failed");

    const data = await viewOverview();
    expect(data.mode).toBe("relay");
    const maintenance = data.queues.find((q) => q.queue === "maintenance")!;
    expect(maintenance.counts).toMatchObject({ failed: 1, delayed: 1, waiting: 0, active: 0 });
    expect(maintenance.awaitingRelay).toBe(1);
    expect(data.queues.find((q) => q.queue === "email")!.counts).toMatchObject({ waiting: 1, failed: 0 });

    const list = async (search: string) =>
      payloadOf<{ items: Array<{ id: string; state: string }>; total: number }>(
        await run(jobs.loader, await getRequest(`/admin/tasks/jobs${search}`, { userId: adminId })),
      );
    expect((await list("?state=failed")).items.map((item) => item.id)).toEqual([dead]);
    expect((await list("?name=test_tasks_redis_doomed")).items.map((item) => [item.id, item.state])).toEqual([
      [dead, "failed"],
      [delayed, "delayed"],
    ]);
    expect((await list("?queue=email&state=waiting")).items.map((item) => item.id)).toEqual(["e1"]);
    expect((await list("?queue=reports")).total).toBe(0);
    // one job per page: failed first, then waiting, then delayed, across queues
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await listTasks({ queue: "", state: "", name: "", page }, 1)).items[0]?.id);
    expect(pages).toEqual([dead, "e1", delayed]);
    expect((await listTasks({ queue: "", state: "", name: "", page: 1 }, 1)).total).toBe(3);

    const detail = await viewTask(dead);
    expect(detail.task).toMatchObject({ state: "failed", attemptsMade: 2, maxAttempts: 2, failedReason: "printer on fire" });
    expect(detail.task.stacktrace.length).toBeGreaterThanOrEqual(1);
    expect(detail.task.stacktrace.at(-1)).toMatch(/printer on fire\n\s+at /);
    expect(detail.task.payload).toEqual({ label: "shown", accessToken: REDACTED });
    expect(JSON.stringify(detail)).not.toContain("tok-secret-1");

    const waiting = (await viewTask(delayed)).task;
    expect(waiting.state).toBe("delayed");
    expect(Math.abs(waiting.nextAttemptAt!.getTime() - (Date.now() + 60_000))).toBeLessThan(10_000);
  });

  it("retries a failed job once with its full attempts, refuses a job that has not failed, and discards once", async () => {
    const dead = await addDoomed();
    const delayed = await addDoomed({ delay: 60_000 });
    await until("the dead letter", async () => (await stateOf(dead)) === "failed");

    const retries = await Promise.all([post(dead, { intent: "retry" }), post(dead, { intent: "retry" })]);
    const kinds = (await Promise.all(retries.map(toastOf))).map((toast) => toast?.kind).sort();
    expect(kinds[1]).toBe("success");
    expect(["error", "info"]).toContain(kinds[0]); // busy (lock held) or not failed any more
    expect(await prisma.auditLog.count({ where: { action: "task.retry", entityId: `maintenance/${dead}` } })).toBe(1);
    // it ran its two attempts again and is back in the dead-letter list
    await until("the second dead letter", async () => {
      const job = await getQueue("maintenance").getJob(dead);
      return job && (await job.getState()) === "failed" && job.attemptsMade === 2 && (job.stacktrace?.length ?? 0) >= 2;
    });

    expect(await toastOf(await post(delayed, { intent: "discard", confirm: "on" }))).toMatchObject({ kind: "info" });
    expect(await stateOf(delayed)).toBe("delayed");

    const refused = await post(dead, { intent: "discard" });
    expect(statusOf(refused)).toBe(400);
    expect(await stateOf(dead)).toBe("failed");

    const discards = await Promise.all([
      post(dead, { intent: "discard", confirm: "on" }),
      post(dead, { intent: "discard", confirm: "on" }),
    ]);
    expect((await Promise.all(discards.map(toastOf))).filter((toast) => toast?.kind === "success")).toHaveLength(1);
    expect(await getQueue("maintenance").getJob(dead)).toBeUndefined();
    expect(await prisma.auditLog.count({ where: { action: "task.discard" } })).toBe(1);
    expect(
      statusOf(
        await run(task.loader, await getRequest(`/admin/tasks/maintenance/${dead}`, { userId: adminId }), {
          queue: "maintenance",
          jobId: dead,
        }),
      ),
    ).toBe(404);
  });

  it("lists the repeatable jobs from their schedulers, and runs one now through the relay and the worker", async () => {
    expect((await viewOverview()).schedules.find((s) => s.id === "cleanup-hourly")).toMatchObject({ registered: false });
    await syncJobSchedulers();
    const scheduler = await getQueue("maintenance").getJobScheduler("cleanup-hourly");
    const data = await viewOverview();
    const cleanup = data.schedules.find((s) => s.id === "cleanup-hourly")!;
    expect(cleanup.registered).toBe(true);
    expect(cleanup.nextRunAt.getTime()).toBe(scheduler!.next);
    expect(cleanup.nextRunAt.getUTCMinutes()).toBe(17);

    const answer = await run(
      overview.action,
      await formRequest(
        "/admin/tasks",
        { intent: "runNow", scheduleId: "cleanup-hourly", runKey: data.runKey },
        { userId: adminId },
      ),
    );
    expect(await toastOf(answer)).toMatchObject({ kind: "success" });
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "cleanup" } });
    expect((await viewOverview()).queues.find((q) => q.queue === "maintenance")!.awaitingRelay).toBe(1);

    await drainOutbox({ mode: "relay" });
    await until("the cleanup run", async () => (await stateOf(event.id)) === "completed");
    const done = payloadOf<{ items: Array<{ id: string; name: string }> }>(
      await run(jobs.loader, await getRequest("/admin/tasks/jobs?state=completed&name=cleanup", { userId: adminId })),
    );
    expect(done.items.map((item) => item.id)).toEqual([event.id]);
  });

  it("keeps the page up when a queue cannot be reached, and says so", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    const unreachable = new Queue("webhooks", { connection: dead, prefix: queuePrefix() });
    unreachable.on("error", () => {});
    const queues = (globalThis as { __versoQueues?: Map<string, Queue> }).__versoQueues!;
    const real = queues.get("webhooks");
    queues.set("webhooks", unreachable);
    try {
      await enqueueJob(prisma, doomed, { label: "waits for Redis", accessToken: "x" });
      const data = await viewOverview();
      expect(data.queues.find((q) => q.queue === "webhooks")!.counts).toBeNull();
      expect(data.queues.find((q) => q.queue === "maintenance")).toMatchObject({ counts: { failed: 0 }, awaitingRelay: 1 });
      const list = await run(jobs.loader, await getRequest("/admin/tasks/jobs?queue=webhooks", { userId: adminId }));
      expect(statusOf(list)).toBe(503);
      expect(payloadOf<{ unavailable: boolean; items: unknown[] }>(list)).toMatchObject({ unavailable: true, items: [] });
    } finally {
      if (real) queues.set("webhooks", real);
      else queues.delete("webhooks");
      await unreachable.close().catch(() => undefined);
      dead.disconnect();
    }
  });
});
