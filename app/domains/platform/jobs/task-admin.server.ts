// /admin/tasks over either job store: BullMQ when REDIS_URL is set, the outbox table otherwise
// (embedded mode). Routes call these; retry and discard write audit rows.
import type { QueueName } from "~/infra/queue/names";
import { recordAudit } from "../audit.server";
import { outboxMode, type OutboxMode } from "../outbox/processor.server";
import type { TaskBackend, TaskChange, TaskDetail, TaskPage, QueueOverview } from "./task-backend";
import { bullmqTaskBackend } from "./task-backend-bullmq.server";
import { outboxTaskBackend } from "./task-backend-outbox.server";
import { TASK_PAGE_SIZE, type TaskListQuery } from "./task-query";

function backend(): TaskBackend {
  return outboxMode() === "relay" ? bullmqTaskBackend : outboxTaskBackend;
}

export function taskMode(): OutboxMode {
  return outboxMode();
}

/** Per queue: waiting, active, delayed, completed and failed (dead-lettered) jobs, and in Redis mode the events not yet relayed. */
export async function taskOverview(): Promise<{ mode: OutboxMode; queues: QueueOverview[] }> {
  return { mode: outboxMode(), queues: await backend().overview() };
}

export function listTasks({ queue, state, name, page }: TaskListQuery, pageSize = TASK_PAGE_SIZE): Promise<TaskPage> {
  return backend().list({ queue: queue || undefined, state: state || undefined, name: name || undefined, page, pageSize });
}

/** One job, its payload redacted; null when there is no such job on that queue. */
export function getTask(queue: QueueName, id: string): Promise<TaskDetail | null> {
  return backend().get(queue, id);
}

type ChangeInput = { actorId: string; queue: QueueName; id: string; ipAddress?: string | null };

function auditor(action: string, { actorId, queue, id, ipAddress }: ChangeInput) {
  return async ({ name }: { name: string }, db: Parameters<typeof recordAudit>[1]) =>
    recordAudit({ actorId, action, entityType: "task", entityId: `${queue}/${id}`, after: { queue, id, name }, ipAddress }, db);
}

/** Run a dead-lettered job again, with its full retry policy. Only a failed job is changed. */
export function retryTask(input: ChangeInput): Promise<TaskChange> {
  return backend().retry(input.queue, input.id, auditor("task.retry", input));
}

/** Delete a dead-lettered job for good. Only a failed job is changed. */
export function discardTask(input: ChangeInput): Promise<TaskChange> {
  return backend().discard(input.queue, input.id, auditor("task.discard", input));
}
