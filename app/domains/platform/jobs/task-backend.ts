// What /admin/tasks asks of wherever the jobs live: BullMQ in Redis mode (task-backend-bullmq),
// the OutboxEvent table in embedded mode (task-backend-outbox). Both answer in these shapes.
import type { Db, Tx } from "~/infra/db.server";
import type { QueueName } from "~/infra/queue/names";
import type { TaskState } from "./task-query";

export type StateCounts = Record<TaskState, number>;

export type QueueOverview = {
  queue: QueueName;
  /** null when the queue could not be read (Redis unreachable). */
  counts: StateCounts | null;
  /** Redis mode: outbox events written but not yet handed to the queue. */
  awaitingRelay: number | null;
};

export type TaskRow = {
  id: string;
  queue: QueueName;
  name: string;
  state: TaskState;
  attemptsMade: number;
  maxAttempts: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  failedReason: string | null;
};

export type TaskDetail = TaskRow & {
  /** Redacted: see redact.ts. */
  payload: unknown;
  returnValue: unknown;
  processedAt: Date | null;
  nextAttemptAt: Date | null;
  /** One entry per recorded failure, newest last. */
  stacktrace: string[];
};

export type TaskPage = { items: TaskRow[]; total: number; page: number; pageSize: number; scanLimit: number | null };

export type TaskListOptions = { queue?: QueueName; state?: TaskState; name?: string; page: number; pageSize: number };

/** What a retry or discard did: only a failed (dead-lettered) job can be retried or discarded. */
export type TaskChange = "done" | "not_failed" | "missing" | "busy";

/** Writes the audit row of a change that happened, in the change's transaction when there is one. */
export type ChangeRecorder = (change: { name: string }, db: Db | Tx) => Promise<void>;

export type TaskBackend = {
  overview(): Promise<QueueOverview[]>;
  list(options: TaskListOptions): Promise<TaskPage>;
  get(queue: QueueName, id: string): Promise<TaskDetail | null>;
  retry(queue: QueueName, id: string, record: ChangeRecorder): Promise<TaskChange>;
  discard(queue: QueueName, id: string, record: ChangeRecorder): Promise<TaskChange>;
};
