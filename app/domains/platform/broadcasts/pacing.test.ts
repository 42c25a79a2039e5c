import { describe, expect, it } from "vitest";
import { nextBatchAt, realClock, sendingTimeMs } from "./pacing";

describe("broadcast pacing", () => {
  it("spaces batches so the average stays at or under the rate", () => {
    expect(sendingTimeMs(10, 600)).toBe(1000);
    expect(sendingTimeMs(50, 600)).toBe(5000);
    expect(sendingTimeMs(1, 7)).toBe(8572); // rounded up, never early
    expect(sendingTimeMs(0, 600)).toBe(0);
    expect(nextBatchAt(1_000, 3, 60)).toBe(4_000);
    // over any number of full batches the messages per minute equal the rate
    let at = 0;
    for (let i = 0; i < 12; i++) at = nextBatchAt(at, 5, 60);
    expect(at).toBe(60_000);
  });

  it("a sleeping real clock wakes early when the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = realClock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
