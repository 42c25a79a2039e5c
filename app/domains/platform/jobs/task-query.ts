// The job list's filters as a query string (/admin/tasks/jobs?queue=email&state=failed&name=send_email&page=2),
// and the vocabulary both job backends (BullMQ, the embedded outbox) answer in. Pure and isomorphic.
import { isQueueName, type QueueName } from "~/infra/queue/names";
import { parsePage, textParam, toSearch } from "../list-query";

/** Display order: what needs attention first. `failed` is the dead-letter list. */
export const TASK_STATES = ["failed", "active", "waiting", "delayed", "completed"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_PAGE_SIZE = 25;

const JOB_NAME = /^[a-z][a-z0-9._-]{0,79}$/i;

export type TaskListQuery = { queue: QueueName | ""; state: TaskState | ""; name: string; page: number };

export function isTaskState(value: string): value is TaskState {
  return (TASK_STATES as readonly string[]).includes(value);
}

export function parseTaskListQuery(params: URLSearchParams): TaskListQuery {
  const queue = textParam(params, "queue", 40);
  const state = textParam(params, "state", 40);
  const name = textParam(params, "name", 80);
  return {
    queue: isQueueName(queue) ? queue : "",
    state: isTaskState(state) ? state : "",
    name: JOB_NAME.test(name) ? name : "",
    page: parsePage(params.get("page")),
  };
}

export function taskListHref(query: Partial<TaskListQuery>): string {
  return `/admin/tasks/jobs${toSearch({ queue: query.queue, state: query.state, name: query.name, page: query.page })}`;
}

/** The first line of an error text (the rest is its stack). */
export function firstLine(text: string | null | undefined): string | null {
  if (!text) return null;
  return text.split("\n", 1)[0].slice(0, 300);
}
