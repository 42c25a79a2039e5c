// Account lockout rules (pure): five consecutive failed passwords lock the account for fifteen
// minutes. While locked, even the right password is refused. When a lock has run out, the next
// failure starts a fresh count.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export type LockState = { failedLoginCount: number; lockedUntil: Date | null };

export function isLocked(state: Pick<LockState, "lockedUntil">, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** A lock that has run out: its failures no longer count toward the next lock. */
export function lockExpired(state: Pick<LockState, "lockedUntil">, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
}

/** Whether this many consecutive failures lock the account. */
export function reachesLock(failedLoginCount: number): boolean {
  return failedLoginCount >= MAX_FAILED_LOGINS;
}

export function lockUntil(now: Date): Date {
  return new Date(now.getTime() + LOCK_DURATION_MS);
}

/** The state after one more failed password (used to reason about and test the rules). */
export function afterFailure(state: LockState, now: Date): LockState {
  if (isLocked(state, now)) return state;
  const failedLoginCount = (lockExpired(state, now) ? 0 : state.failedLoginCount) + 1;
  return { failedLoginCount, lockedUntil: reachesLock(failedLoginCount) ? lockUntil(now) : null };
}

export function attemptsLeft(failedLoginCount: number): number {
  return Math.max(0, MAX_FAILED_LOGINS - failedLoginCount);
}
