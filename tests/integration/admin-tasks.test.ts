// /admin/tasks in embedded mode (no REDIS_URL): the outbox table is the job store. A job that always
// fails is dead-lettered, shows up in the counts, the list and its page (error, stack, redacted
// payload); retry and discard change only a failed job, once; "Run now" enqueues the cleanup job
// once per form; every loader and action checks its permission.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "~/domains/platform/jobs/define";
import { REDACTED } from "~/domains/platform/jobs/redact";
import { registerJob } from "~/domains/platform/jobs/registry.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { prisma } from "~/infra/db.server";
import { readToast } from "~/infra/flash.server";
import * as task from "~/routes/admin+/tasks.$queue.$jobId";
import * as overview from "~/routes/admin+/tasks._index";
import * as jobs from "~/routes/admin+/tasks.jobs";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

const doomed = defineJob({
  name: "test_tasks_doomed",
  queue: "maintenance",
  description: "always fails",
  payload: z.object({ label: z.string(), resetToken: z.string(), recipientRef: z.string() }),
  attempts: 2,
  backoffMs: 0,
  secretKeys: ["recipientRef"],
  handler: async () => {
    throw new Error("printer on fire");
  },
});
registerJob(doomed);

const PAYLOAD = { label: "visible label", resetToken: "tok-123456", recipientRef: "ref-secret" };

type Overview = {
  mode: string;
  queues: Array<{ queue: string; counts: Record<string, number> | null; awaitingRelay: number | null }>;
  workers: Array<{ id: string; alive: boolean }>;
  schedules: Array<{ id: string; jobName: string; nextRunAt: Date; registered: boolean | null }>;
  canUpdate: boolean;
  runKey: string;
};
type Detail = {
  task: {
    id: string;
    name: string;
    state: string;
    attemptsMade: number;
    maxAttempts: number;
    failedReason: string | null;
    stacktrace: string[];
    payload: Record<string, unknown>;
    finishedAt: Date | null;
  };
  canUpdate: boolean;
};
type List = { items: Array<{ id: string; state: string; name: string }>; total: number };

async function toastOf(response: unknown) {
  const cookie = (response as Response).headers.get("Set-Cookie")?.split(";")[0] ?? "";
  return (await readToast(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toast;
}

async function deadJob() {
  const id = await enqueueJob(prisma, doomed, PAYLOAD);
  await drainOutbox();
  return id;
}

describe("admin tasks (embedded mode)", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
  });

  const viewOverview = async (userId = adminId) => run(overview.loader, await getRequest("/admin/tasks", { userId }));
  const viewList = async (search: string) =>
    payloadOf<List>(await run(jobs.loader, await getRequest(`/admin/tasks/jobs${search}`, { userId: adminId })));
  const viewTask = async (id: string, userId = adminId, queue = "maintenance") =>
    run(task.loader, await getRequest(`/admin/tasks/${queue}/${id}`, { userId }), { queue, jobId: id });
  const post = async (id: string, fields: Record<string, string>, userId = adminId) =>
    run(task.action, await formRequest(`/admin/tasks/maintenance/${id}`, fields, { userId }), {
      queue: "maintenance",
      jobId: id,
    });

  it("counts a dead-lettered job as failed and shows it in the list and on its page, payload redacted", async () => {
    const id = await deadJob();
    await enqueueJob(prisma, doomed, PAYLOAD, { delayMs: 60_000 });

    const data = payloadOf<Overview>(await viewOverview());
    expect(data.mode).toBe("embedded");
    expect(data.queues.find((q) => q.queue === "maintenance")?.counts).toEqual({
      failed: 1,
      active: 0,
      waiting: 0,
      delayed: 1,
      completed: 0,
    });
    expect(data.queues.find((q) => q.queue === "email")?.counts?.failed).toBe(0);

    expect((await viewList("?state=failed")).items.map((item) => item.id)).toEqual([id]);
    expect((await viewList("?queue=maintenance&state=delayed")).total).toBe(1);
    expect((await viewList("?queue=email")).total).toBe(0);
    expect((await viewList("?name=cleanup")).total).toBe(0);
    expect((await viewList("?name=test_tasks_doomed")).total).toBe(2);
    expect((await viewList("?state=bogus&queue=nowhere")).total).toBe(2);

    const detail = payloadOf<Detail>(await viewTask(id));
    expect(detail.task).toMatchObject({
      id,
      name: "test_tasks_doomed",
      state: "failed",
      attemptsMade: 2,
      maxAttempts: 2,
      failedReason: "Error: printer on fire",
    });
    expect(detail.task.finishedAt).toBeInstanceOf(Date);
    expect(detail.task.stacktrace).toHaveLength(1);
    expect(detail.task.stacktrace[0]).toMatch(/printer on fire\n\s+at /);
    expect(detail.task.payload).toEqual({ label: "visible label", resetToken: REDACTED, recipientRef: REDACTED });
    expect(JSON.stringify(detail)).not.toMatch(/tok-123456|ref-secret/);
    expect(detail.canUpdate).toBe(true);
  });

  it("answers 404 for an unknown queue or job", async () => {
    const id = await deadJob();
    expect(statusOf(await viewTask(id, adminId, "nowhere"))).toBe(404);
    expect(statusOf(await viewTask(id, adminId, "email"))).toBe(404);
    expect(statusOf(await viewTask("no-such-job"))).toBe(404);
  });

  it("retries a dead job with its full attempts again; a second retry changes nothing", async () => {
    const id = await deadJob();
    const first = await post(id, { intent: "retry" });
    expect(statusOf(first)).toBe(302);
    expect((first as Response).headers.get("Location")).toBe(`/admin/tasks/maintenance/${id}`);
    expect((await toastOf(first))?.kind).toBe("success");
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", attempts: 0 });
    expect(payloadOf<Detail>(await viewTask(id)).task.state).toBe("waiting");

    const second = await post(id, { intent: "retry" });
    expect(await toastOf(second)).toMatchObject({ kind: "info", message: expect.stringMatching(/not failed/) });
    expect(
      await prisma.auditLog.findMany({ where: { action: "task.retry" }, select: { actorId: true, entityId: true } }),
    ).toEqual([{ actorId: adminId, entityId: `maintenance/${id}` }]);

    await drainOutbox();
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "dead", attempts: 2 });
  });

  it("discards only after the confirmation box is ticked, and two admins at once delete it once", async () => {
    const id = await deadJob();
    const refused = await post(id, { intent: "discard" });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(payloadOf(refused))).toContain("Tick the box to confirm");
    expect(await prisma.outboxEvent.count({ where: { id } })).toBe(1);

    const answers = await Promise.all([
      post(id, { intent: "discard", confirm: "on" }),
      post(id, { intent: "discard", confirm: "on" }),
    ]);
    const kinds = await Promise.all(answers.map(async (answer) => (await toastOf(answer))?.kind));
    expect(kinds.sort()).toEqual(["info", "success"]);
    expect(await prisma.outboxEvent.count({ where: { id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "task.discard", entityId: `maintenance/${id}` } })).toBe(1);
    const done = answers.find((answer) => (answer as Response).headers.get("Location")?.includes("state=failed"));
    expect((done as Response).headers.get("Location")).toBe("/admin/tasks/jobs?queue=maintenance&state=failed");
  });

  it("refuses to retry or discard a job that has not failed", async () => {
    const id = await enqueueJob(prisma, doomed, PAYLOAD, { delayMs: 60_000 });
    const before = await prisma.outboxEvent.findUniqueOrThrow({ where: { id } });
    expect(await toastOf(await post(id, { intent: "retry" }))).toMatchObject({ kind: "info" });
    expect(await toastOf(await post(id, { intent: "discard", confirm: "on" }))).toMatchObject({ kind: "info" });
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { entityType: "task" } })).toBe(0);
  });

  it("runs a repeatable job now, once per submitted form, and lists it with its next run", async () => {
    const data = payloadOf<Overview>(await viewOverview());
    const cleanup = data.schedules.find((schedule) => schedule.id === "cleanup-hourly");
    expect(cleanup).toMatchObject({ jobName: "cleanup", registered: true });
    expect(cleanup!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(cleanup!.nextRunAt.getUTCMinutes()).toBe(17);

    const submit = async (runKey: string) =>
      run(
        overview.action,
        await formRequest("/admin/tasks", { intent: "runNow", scheduleId: "cleanup-hourly", runKey }, { userId: adminId }),
      );
    const first = await submit(data.runKey);
    expect((first as Response).headers.get("Location")).toBe("/admin/tasks");
    expect(await toastOf(first)).toMatchObject({ kind: "success" });
    expect(await toastOf(await submit(data.runKey))).toMatchObject({ kind: "info" });
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "task.run_now", entityId: "cleanup-hourly" } })).toBe(1);

    await submit(randomUUID());
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup" } })).toBe(2);
    await drainOutbox();
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup", status: "done" } })).toBe(2);

    const unknown = await run(
      overview.action,
      await formRequest("/admin/tasks", { intent: "runNow", scheduleId: "nope", runKey: randomUUID() }, { userId: adminId }),
    );
    expect(statusOf(unknown)).toBe(404);
    const malformed = await run(
      overview.action,
      await formRequest("/admin/tasks", { intent: "runNow", scheduleId: "cleanup-hourly", runKey: "x" }, { userId: adminId }),
    );
    expect(statusOf(malformed)).toBe(400);
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup" } })).toBe(2);
  });

  it("reports workers from their heartbeats: alive, silent, stopped", async () => {
    const now = Date.now();
    const row = (id: string, lastSeenAgoMs: number, stopped = false) => ({
      id,
      hostname: "box",
      pid: 1,
      concurrency: { email: 5 },
      startedAt: new Date(now - 3_600_000),
      lastSeenAt: new Date(now - lastSeenAgoMs),
      stoppedAt: stopped ? new Date(now - lastSeenAgoMs) : null,
    });
    await prisma.workerHeartbeat.createMany({
      data: [row("w-alive", 5_000), row("w-silent", 45_000), row("w-stopped", 1_000, true)],
    });
    const { workers } = payloadOf<Overview>(await viewOverview());
    expect(Object.fromEntries(workers.map((worker) => [worker.id, worker.alive]))).toEqual({
      "w-alive": true,
      "w-silent": false,
      "w-stopped": false,
    });
  });

  it("checks read:task:any in every loader and update:task:any in every action", async () => {
    const id = await deadJob();
    const plain = (await createUser({ roles: ["blogger"] })).id;
    const permissions = await prisma.permission.findMany({
      where: {
        OR: [
          { action: "read", entity: "task" },
          { action: "read", entity: "admin" },
        ],
      },
      select: { id: true },
    });
    await prisma.role.create({
      data: { name: "task-viewer", permissions: { create: permissions.map((p) => ({ permissionId: p.id })) } },
    });
    const viewer = (await createUser({ roles: ["task-viewer"] })).id;

    expect(statusOf(await viewOverview(plain))).toBe(403);
    expect(statusOf(await run(jobs.loader, await getRequest("/admin/tasks/jobs", { userId: plain })))).toBe(403);
    expect(statusOf(await viewTask(id, plain))).toBe(403);

    const readOnly = payloadOf<Overview>(await viewOverview(viewer));
    expect(readOnly.canUpdate).toBe(false);
    expect(payloadOf<Detail>(await viewTask(id, viewer)).canUpdate).toBe(false);

    for (const userId of [plain, viewer]) {
      expect(statusOf(await post(id, { intent: "retry" }, userId))).toBe(403);
      expect(statusOf(await post(id, { intent: "discard", confirm: "on" }, userId))).toBe(403);
      const runNow = await run(
        overview.action,
        await formRequest("/admin/tasks", { intent: "runNow", scheduleId: "cleanup-hourly", runKey: randomUUID() }, { userId }),
      );
      expect(statusOf(runNow)).toBe(403);
    }
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "dead" });
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup" } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "task." } } })).toBe(0);
  });
});
