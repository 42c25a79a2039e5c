// Runs every due outbox event in the test process (embedded mode: the same handlers the worker runs).
export async function drainOutbox(): Promise<void> {
  const { drainOutbox: drain } = await import("~/domains/platform/outbox/processor.server");
  await drain({ mode: "embedded" });
}
