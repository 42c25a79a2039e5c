import { describe, expect, it } from "vitest";
import {
  afterFailure,
  attemptsLeft,
  isLocked,
  LOCK_DURATION_MS,
  lockExpired,
  MAX_FAILED_LOGINS,
  type LockState,
} from "./lockout";

const now = new Date("2026-01-01T12:00:00Z");
const fresh: LockState = { failedLoginCount: 0, lockedUntil: null };

describe("lockout rules", () => {
  it("locks on the fifth consecutive failure, for fifteen minutes", () => {
    let state = fresh;
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(state.failedLoginCount).toBe(5);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_DURATION_MS);
    expect(isLocked(state, now)).toBe(true);
  });

  it("keeps the lock unchanged while it runs", () => {
    const locked = { failedLoginCount: 5, lockedUntil: new Date(now.getTime() + 60_000) };
    expect(afterFailure(locked, now)).toBe(locked);
  });

  it("unlocks when the time has passed and starts a fresh count", () => {
    const expired = { failedLoginCount: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(isLocked(expired, now)).toBe(false);
    expect(lockExpired(expired, now)).toBe(true);
    expect(afterFailure(expired, now)).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });

  it("counts the attempts left", () => {
    expect(attemptsLeft(0)).toBe(5);
    expect(attemptsLeft(4)).toBe(1);
    expect(attemptsLeft(12)).toBe(0);
  });
});
