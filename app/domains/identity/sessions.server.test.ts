import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { createUser } from "../../../tests/factories/users";
import { resetDatabase } from "../../../tests/setup/reset";
import { createSession, getSessionUser, revokeOtherSessions, revokeSession } from "./sessions.server";

describe("stored sessions", () => {
  beforeEach(resetDatabase);

  it("resolves a session to its user with roles and permissions", async () => {
    const user = await createUser({ roles: ["admin"] });
    const id = await createSession({ userId: user.id, ipAddress: "203.0.113.9", userAgent: "test" });
    const resolved = await getSessionUser(id);
    expect(resolved?.email).toBe(user.email);
    expect(resolved?.roles).toEqual(["admin"]);
    expect(resolved?.permissions.has("update:user:any")).toBe(true);
  });

  it("stops resolving a revoked session, and revoking others keeps the current one", async () => {
    const user = await createUser();
    const a = await createSession({ userId: user.id });
    const b = await createSession({ userId: user.id });
    const c = await createSession({ userId: user.id });
    expect(await revokeSession({ userId: user.id, sessionId: a })).toBe(true);
    expect(await getSessionUser(a)).toBeNull();
    expect(await revokeOtherSessions({ userId: user.id, keepSessionId: b })).toBe(1);
    expect(await getSessionUser(b)).not.toBeNull();
    expect(await getSessionUser(c)).toBeNull();
  });

  it("refuses sessions of deactivated users and expired sessions", async () => {
    const user = await createUser();
    const id = await createSession({ userId: user.id });
    await prisma.user.update({ where: { id: user.id }, data: { status: "deactivated" } });
    expect(await getSessionUser(id)).toBeNull();
    const other = await createUser();
    const expired = await createSession({ userId: other.id });
    await prisma.session.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(expired)).toBeNull();
  });

  it("cannot revoke another user's session", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const id = await createSession({ userId: owner.id });
    expect(await revokeSession({ userId: intruder.id, sessionId: id })).toBe(false);
    expect(await getSessionUser(id)).not.toBeNull();
  });
});
