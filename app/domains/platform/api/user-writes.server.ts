// Changes to users from the API, through the identity domain's own functions (the ones the admin
// pages use, with their rules, audit rows and events). PATCH merges the sent properties into the
// current ones under the user's row lock: `If-Match` is checked there, and without it a change
// that raced ours is re-read and merged again instead of being overwritten.
import { DomainError } from "~/domains/errors";
import { createUserByAdmin, setUserStatus, updateUserProfile } from "~/domains/identity/user-admin.server";
import { getUserById, type DirectoryUser } from "~/domains/identity/user-directory.server";
import type { Tx } from "~/infra/db.server";
import { etagOf, ifMatchHolds } from "./etag";
import { toApiUser, type UpdateUserBody } from "./user-schemas";

type Actor = { actorId: string; ipAddress: string | null };

const MAX_MERGE_ATTEMPTS = 5;
const STALE = "api.stale-representation";

/** The ETag of a user's full representation (what GET /users/{id} without `fields` sends). */
export function userEtag(user: DirectoryUser): string {
  return etagOf(JSON.stringify(toApiUser(user)));
}

/** Refuse the change unless the row, read under its lock, still has the representation `expected` had. */
function unchanged(userId: string, expected: DirectoryUser) {
  const tag = userEtag(expected);
  return async (tx: Tx) => {
    const now = await getUserById({ userId }, tx);
    if (!now || userEtag(now) !== tag) throw new DomainError(STALE, "The user changed meanwhile.");
  };
}

export async function createUserFromApi({
  actorId,
  ipAddress,
  email,
  name,
  locale,
  timeZone,
  roles,
}: Actor & { email: string; name: string; locale: string; timeZone: string; roles: string[] }) {
  const created = await createUserByAdmin({ actorId, ipAddress, email, name, locale, timeZone, roleNames: roles });
  const user = await getUserById({ userId: created.id });
  if (!user) throw new Error(`user ${created.id} vanished right after it was created`);
  return user;
}

export type PatchOutcome =
  { kind: "updated"; user: DirectoryUser } | { kind: "not-found" } | { kind: "precondition-failed"; current: DirectoryUser };

/**
 * Apply `changes` to a user. With `ifMatch`, the first write happens only while the user still
 * has that ETag (else `precondition-failed`, nothing changed). The status goes first, because its
 * rules (not yourself, not the last admin) are the ones that can refuse.
 */
export async function patchUserFromApi({
  actorId,
  ipAddress,
  userId,
  changes,
  ifMatch,
}: Actor & { userId: string; changes: UpdateUserBody; ifMatch: string | null }): Promise<PatchOutcome> {
  let snapshot = await getUserById({ userId });
  if (!snapshot) return { kind: "not-found" };
  if (ifMatch !== null && !ifMatchHolds(ifMatch, userEtag(snapshot))) return { kind: "precondition-failed", current: snapshot };
  let guarded = ifMatch !== null;

  // One write under the row lock; a stale snapshot is a 412 while If-Match guards it, else re-read and merged again.
  const run = async (write: (precondition: (tx: Tx) => Promise<void>) => Promise<unknown>) => {
    for (let attempt = 0; attempt < MAX_MERGE_ATTEMPTS; attempt++) {
      snapshot ??= await getUserById({ userId });
      if (!snapshot) return "not-found" as const;
      try {
        await write(unchanged(userId, snapshot));
        guarded = false;
        snapshot = null;
        return "done" as const;
      } catch (error) {
        if (error instanceof DomainError && error.code === "user_not_found") return "not-found" as const;
        if (!(error instanceof DomainError && error.code === STALE)) throw error;
        if (guarded) return "precondition-failed" as const;
        snapshot = null;
      }
    }
    throw new Error(`user ${userId} kept changing during ${MAX_MERGE_ATTEMPTS} attempts to update it`);
  };

  const { status, name, locale, time_zone: timeZone } = changes;
  const outcomes: string[] = [];
  if (status !== undefined) {
    outcomes.push(
      await run((precondition) =>
        setUserStatus({ actorId, ipAddress, userId, status, precondition: guarded ? precondition : undefined }),
      ),
    );
  }
  if (name !== undefined || locale !== undefined || timeZone !== undefined) {
    outcomes.push(
      await run((precondition) => {
        const base = snapshot!;
        return updateUserProfile({
          actorId,
          ipAddress,
          userId,
          precondition,
          email: base.email,
          name: name ?? base.name,
          locale: locale ?? base.locale,
          timeZone: timeZone ?? base.timeZone,
        });
      }),
    );
  }
  if (outcomes.includes("not-found")) return { kind: "not-found" };
  if (outcomes.includes("precondition-failed")) {
    const current = await getUserById({ userId });
    return current ? { kind: "precondition-failed", current } : { kind: "not-found" };
  }
  const user = await getUserById({ userId });
  return user ? { kind: "updated", user } : { kind: "not-found" };
}
