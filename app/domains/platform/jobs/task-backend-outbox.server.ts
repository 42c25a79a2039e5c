// Embedded mode (no REDIS_URL): the jobs are the OutboxEvent rows the web process runs itself.
// pending → waiting / active (leased) / delayed (waiting for its retry time); done → completed;
// dead → failed, the dead-letter list. Retry and discard are conditional updates on `dead`.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/infra/db.server";
import { QUEUE_NAMES, isQueueName, type QueueName } from "~/infra/queue/names";
import { clampPage } from "../list-query";
import { signalOutbox } from "../outbox/signal";
import { redactPayload, redactText } from "./redact";
import { getJobDefinition } from "./registry.server";
import type { ChangeRecorder, StateCounts, TaskBackend, TaskChange, TaskDetail, TaskRow } from "./task-backend";
import { firstLine, TASK_STATES, type TaskState } from "./task-query";

const notLeased = (now: Date): Prisma.OutboxEventWhereInput => ({
  OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
});

function stateWhere(state: TaskState, now: Date): Prisma.OutboxEventWhereInput {
  switch (state) {
    case "failed":
      return { status: "dead" };
    case "completed":
      return { status: "done" };
    case "active":
      return { status: "pending", lockedUntil: { gt: now } };
    case "delayed":
      return { status: "pending", availableAt: { gt: now }, ...notLeased(now) };
    case "waiting":
      return { status: "pending", availableAt: { lte: now }, ...notLeased(now) };
  }
}

const rowSelect = {
  id: true,
  queue: true,
  name: true,
  status: true,
  attempts: true,
  availableAt: true,
  lockedUntil: true,
  lastError: true,
  createdAt: true,
  processedAt: true,
} satisfies Prisma.OutboxEventSelect;

type Row = Prisma.OutboxEventGetPayload<{ select: typeof rowSelect }>;

function stateOf(row: Row, now: Date): TaskState {
  if (row.status === "dead") return "failed";
  if (row.status === "done" || row.status === "relayed") return "completed";
  if (row.lockedUntil && row.lockedUntil > now) return "active";
  return row.availableAt > now ? "delayed" : "waiting";
}

function toRow(row: Row, now: Date): TaskRow {
  const state = stateOf(row, now);
  return {
    id: row.id,
    queue: row.queue as QueueName,
    name: row.name,
    state,
    attemptsMade: row.attempts,
    maxAttempts: getJobDefinition(row.name)?.attempts ?? null,
    createdAt: row.createdAt,
    finishedAt: state === "failed" || state === "completed" ? row.processedAt : null,
    failedReason: firstLine(row.lastError),
  };
}

async function countBy(state: TaskState, now: Date) {
  const groups = await prisma.outboxEvent.groupBy({
    by: ["queue"],
    where: stateWhere(state, now),
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.queue, group._count._all]));
}

async function change(
  queue: QueueName,
  id: string,
  apply: (tx: Tx) => Promise<number>,
  record: ChangeRecorder,
): Promise<TaskChange> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.outboxEvent.findFirst({ where: { id, queue }, select: { name: true } });
    if (!event) return "missing" as const;
    if ((await apply(tx)) === 0) return "not_failed" as const;
    await record({ name: event.name }, tx);
    return "done" as const;
  });
}

export const outboxTaskBackend: TaskBackend = {
  async overview() {
    const now = new Date();
    const counts = await Promise.all(TASK_STATES.map((state) => countBy(state, now)));
    return QUEUE_NAMES.map((queue) => ({
      queue,
      counts: Object.fromEntries(TASK_STATES.map((state, i) => [state, counts[i].get(queue) ?? 0])) as StateCounts,
      awaitingRelay: null,
    }));
  },

  async list({ queue, state, name, page: requested, pageSize }) {
    const now = new Date();
    const where: Prisma.OutboxEventWhereInput = {
      queue: queue ?? { in: [...QUEUE_NAMES] },
      ...(state ? stateWhere(state, now) : { status: { not: "relayed" } }),
      ...(name ? { name } : {}),
    };
    const total = await prisma.outboxEvent.count({ where });
    const page = clampPage(requested, total, pageSize);
    const rows = await prisma.outboxEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: rowSelect,
    });
    return { items: rows.map((row) => toRow(row, now)), total, page, pageSize, scanLimit: null };
  },

  async get(queue, id): Promise<TaskDetail | null> {
    const row = await prisma.outboxEvent.findFirst({
      where: { id, queue },
      select: { ...rowSelect, payload: true },
    });
    if (!row || !isQueueName(row.queue)) return null;
    const now = new Date();
    const base = toRow(row, now);
    const secretKeys = getJobDefinition(row.name)?.secretKeys;
    const error = redactText(row.lastError ?? "", row.payload, secretKeys);
    return {
      ...base,
      failedReason: base.failedReason && redactText(base.failedReason, row.payload, secretKeys),
      payload: redactPayload(row.payload, secretKeys),
      returnValue: null,
      processedAt: base.finishedAt,
      nextAttemptAt: row.status === "pending" ? row.availableAt : null,
      stacktrace: error.includes("\n") ? [error] : [],
    };
  },

  async retry(queue, id, record) {
    const outcome = await change(
      queue,
      id,
      async (tx) =>
        (
          await tx.outboxEvent.updateMany({
            where: { id, queue, status: "dead" },
            // A manual retry gets the job's full retry policy again; the last error stays until it succeeds.
            data: { status: "pending", attempts: 0, availableAt: new Date(), lockedUntil: null, processedAt: null },
          })
        ).count,
      record,
    );
    if (outcome === "done") signalOutbox();
    return outcome;
  },

  async discard(queue, id, record) {
    return change(
      queue,
      id,
      async (tx) => (await tx.outboxEvent.deleteMany({ where: { id, queue, status: "dead" } })).count,
      record,
    );
  },
};
