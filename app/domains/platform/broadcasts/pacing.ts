// Pacing of a broadcast: after a batch of n messages started at time T, the next batch may start at
// T + n × (60 000 / ratePerMinute) ms, so the average never exceeds ratePerMinute. Pure, with a clock
// the sending loop receives (real time in production, a fake one in tests).

export type CampaignClock = {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
};

export const realClock: CampaignClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
    }),
};

/** How long `messages` messages take at `ratePerMinute`, in whole milliseconds. */
export function sendingTimeMs(messages: number, ratePerMinute: number): number {
  if (messages <= 0) return 0;
  return Math.ceil((messages * 60_000) / Math.max(1, ratePerMinute));
}

/** When the batch after one that started at `batchStartedAt` and sent `messages` may start. */
export function nextBatchAt(batchStartedAt: number, messages: number, ratePerMinute: number): number {
  return batchStartedAt + sendingTimeMs(messages, ratePerMinute);
}
