// Redis mode: the jobs live in the BullMQ queues (job id = outbox event id). Failed jobs are kept
// (`removeOnFail: false`) and only land in the failed set after their last attempt, so that set is
// the dead-letter list. Retry and discard take a short Redis lock per job and re-check the state
// under it, so two admins clicking at once do one thing.
import { randomUUID } from "node:crypto";
import type { Job, JobType, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { prisma } from "~/infra/db.server";
import { QUEUE_NAMES, type QueueName } from "~/infra/queue/names";
import { getQueue } from "~/infra/queue/queues.server";
import { DomainError } from "~/domains/errors";
import { clampPage } from "../list-query";
import { redactPayload, redactText } from "./redact";
import { getJobDefinition } from "./registry.server";
import type { ChangeRecorder, StateCounts, TaskBackend, TaskChange, TaskDetail, TaskRow } from "./task-backend";
import { firstLine, TASK_STATES, type TaskState } from "./task-query";

/** BullMQ's lists behind each state of ours. */
const TYPES_OF: Record<TaskState, JobType[]> = {
  failed: ["failed"],
  active: ["active"],
  waiting: ["wait", "prioritized", "paused", "waiting-children"],
  delayed: ["delayed"],
  completed: ["completed"],
};
const ALL_TYPES = TASK_STATES.flatMap((state) => TYPES_OF[state]);

/** With a job-name filter, this many of the newest jobs of each list are searched. */
export const NAME_SCAN_LIMIT = 1000;
const LOCK_MS = 10_000;

function stateOfType(type: string): TaskState {
  if (type === "failed" || type === "active" || type === "delayed" || type === "completed") return type;
  return "waiting";
}

function unavailable(error: unknown): DomainError {
  return new DomainError("queue_unavailable", `the job queues cannot be reached: ${(error as Error).message}`);
}

async function reach<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unavailable(error);
  }
}

/** Our queues run on ioredis connections (queues.server.ts). */
async function redisOf(queue: Queue): Promise<Redis> {
  return (await queue.client) as unknown as Redis;
}

type JobData = { eventId?: string; payload?: unknown };

function toRow(job: Job<JobData>, queue: QueueName, state: TaskState): TaskRow {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    state,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    failedReason: state === "failed" || job.failedReason ? firstLine(job.failedReason) : null,
  };
}

async function pendingRelayByQueue() {
  const groups = await prisma.outboxEvent.groupBy({
    by: ["queue"],
    where: { status: "pending" },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.queue, group._count._all]));
}

type Segment = { queue: QueueName; type: JobType; count: number };

/** The lists to page through, in display order: by state (failed first), then by queue. */
async function segmentsFor(queues: readonly QueueName[], states: readonly TaskState[]): Promise<Segment[]> {
  const types = states.flatMap((state) => TYPES_OF[state]);
  const counts = await Promise.all(queues.map((queue) => getQueue(queue).getJobCounts(...types)));
  return types.flatMap((type) => queues.map((queue, i) => ({ queue, type, count: counts[i][type] ?? 0 })));
}

/** The ids (newest first) of up to NAME_SCAN_LIMIT jobs of one list whose name is `name`. */
async function idsNamed(segment: Segment, name: string): Promise<string[]> {
  if (segment.count === 0) return [];
  const queue = getQueue(segment.queue);
  const ids = await queue.getRanges([segment.type], 0, NAME_SCAN_LIMIT - 1, false);
  if (ids.length === 0) return [];
  const client = await redisOf(queue);
  const pipeline = client.pipeline();
  for (const id of ids) pipeline.hget(queue.toKey(id), "name");
  const names = (await pipeline.exec()) ?? [];
  return ids.filter((_, i) => names[i]?.[1] === name);
}

async function loadJobs(queue: QueueName, ids: string[]) {
  const jobs = await Promise.all(ids.map((id) => getQueue(queue).getJob(id)));
  return jobs.filter((job): job is Job<JobData> => Boolean(job));
}

/** When a delayed job runs next: its score in the delayed set is `timestamp * 0x1000 + counter`. */
async function nextRunOf(queue: Queue, id: string): Promise<Date | null> {
  const client = await redisOf(queue);
  const score = await client.zscore(queue.toKey("delayed"), id);
  return score === null ? null : new Date(Math.floor(Number(score) / 0x1000));
}

/** Run `work` holding this job's admin lock; "busy" when another admin holds it. */
async function withJobLock<T>(queue: Queue, id: string, work: () => Promise<T>): Promise<T | "busy"> {
  const client = await redisOf(queue);
  const key = queue.toKey(`admin-lock:${id}`);
  const token = randomUUID();
  if ((await client.set(key, token, "PX", LOCK_MS, "NX")) !== "OK") return "busy";
  try {
    return await work();
  } finally {
    await client
      .eval('if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0', 1, key, token)
      .catch(() => undefined); // the lock expires by itself
  }
}

/** Apply `change` to a job only while it sits in the failed set (the dead-letter list). */
async function changeFailed(
  queueName: QueueName,
  id: string,
  record: ChangeRecorder,
  change: (job: Job<JobData>) => Promise<void>,
): Promise<TaskChange> {
  const queue = getQueue(queueName);
  const outcome = await reach(() =>
    withJobLock(queue, id, async () => {
      const job = (await queue.getJob(id)) as Job<JobData> | undefined;
      if (!job) return "missing" as const;
      if ((await job.getState()) !== "failed") return "not_failed" as const;
      await change(job);
      return { name: job.name };
    }),
  );
  if (typeof outcome === "string") return outcome;
  await record(outcome, prisma);
  return "done";
}

export const bullmqTaskBackend: TaskBackend = {
  async overview() {
    const relay = await pendingRelayByQueue();
    return Promise.all(
      QUEUE_NAMES.map(async (queue) => {
        const awaitingRelay = relay.get(queue) ?? 0;
        try {
          const raw = await getQueue(queue).getJobCounts(...ALL_TYPES);
          const counts = Object.fromEntries(
            TASK_STATES.map((state) => [state, TYPES_OF[state].reduce((sum, type) => sum + (raw[type] ?? 0), 0)]),
          ) as StateCounts;
          return { queue, counts, awaitingRelay };
        } catch {
          return { queue, counts: null, awaitingRelay };
        }
      }),
    );
  },

  async list({ queue, state, name, page: requested, pageSize }) {
    return reach(async () => {
      const segments = await segmentsFor(queue ? [queue] : QUEUE_NAMES, state ? [state] : TASK_STATES);
      if (name) {
        const matches: Array<{ queue: QueueName; type: JobType; id: string }> = [];
        for (const segment of segments) {
          for (const id of await idsNamed(segment, name)) matches.push({ queue: segment.queue, type: segment.type, id });
        }
        const page = clampPage(requested, matches.length, pageSize);
        const slice = matches.slice((page - 1) * pageSize, page * pageSize);
        const jobs = await Promise.all(slice.map((match) => getQueue(match.queue).getJob(match.id)));
        const items = slice.flatMap((match, i) => {
          const job = jobs[i] as Job<JobData> | undefined;
          return job ? [toRow(job, match.queue, stateOfType(match.type))] : [];
        });
        const limited = segments.some((segment) => segment.count > NAME_SCAN_LIMIT);
        return { items, total: matches.length, page, pageSize, scanLimit: limited ? NAME_SCAN_LIMIT : null };
      }
      // The lists one after another, each newest first: a page may span several.
      const total = segments.reduce((sum, segment) => sum + segment.count, 0);
      const page = clampPage(requested, total, pageSize);
      let skip = (page - 1) * pageSize;
      const items: TaskRow[] = [];
      for (const segment of segments) {
        if (items.length >= pageSize) break;
        if (skip >= segment.count) {
          skip -= segment.count;
          continue;
        }
        const want = Math.min(pageSize - items.length, segment.count - skip);
        const ids = await getQueue(segment.queue).getRanges([segment.type], skip, skip + want - 1, false);
        skip = 0;
        for (const job of await loadJobs(segment.queue, ids)) items.push(toRow(job, segment.queue, stateOfType(segment.type)));
      }
      return { items, total, page, pageSize, scanLimit: null };
    });
  },

  async get(queueName, id): Promise<TaskDetail | null> {
    return reach(async () => {
      const queue = getQueue(queueName);
      const job = (await queue.getJob(id)) as Job<JobData> | undefined;
      if (!job) return null;
      const raw = await job.getState();
      const state = raw === "unknown" ? "waiting" : stateOfType(raw);
      const secretKeys = getJobDefinition(job.name)?.secretKeys;
      const payload = job.data?.payload ?? null;
      const row = toRow(job, queueName, state);
      return {
        ...row,
        failedReason: row.failedReason && redactText(row.failedReason, payload, secretKeys),
        payload: redactPayload(payload, secretKeys),
        returnValue: redactPayload(job.returnvalue ?? null, secretKeys),
        processedAt: job.processedOn ? new Date(job.processedOn) : null,
        nextAttemptAt: state === "delayed" ? await nextRunOf(queue, id) : null,
        stacktrace: (job.stacktrace ?? []).filter(Boolean).map((trace) => redactText(trace, payload, secretKeys)),
      };
    });
  },

  retry(queue, id, record) {
    // A manual retry gets the job's full retry policy again.
    return changeFailed(queue, id, record, (job) => job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true }));
  },

  discard(queue, id, record) {
    return changeFailed(queue, id, record, (job) => job.remove());
  },
};
