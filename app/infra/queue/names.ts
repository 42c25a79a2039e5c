// The BullMQ queues, one per concern, so each scales and fails on its own.
export const QUEUE_NAMES = ["email", "campaigns", "reports", "maintenance", "webhooks"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(value);
}
