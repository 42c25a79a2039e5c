// /admin/users and /admin/users/:userId against the real database: the list's search, filters,
// sort and pages; role changes, deactivation and their audit rows; self-protection; concurrency.
import { beforeEach, describe, expect, it } from "vitest";
import { getSessionUser } from "~/domains/identity/sessions.server";
import { sessionHandle } from "~/domains/identity/account-sessions.server";
import { setUserRoles } from "~/domains/identity/user-admin.server";
import { prisma } from "~/infra/db.server";
import * as user from "~/routes/admin+/users.$userId";
import * as users from "~/routes/admin+/users._index";
import { createUser } from "../factories/users";
import { formRequest, getRequest, sessionCookie } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, rolesOf, run, statusOf } from "./admin-helpers";

/** A custom role holding exactly `keys`, given to a new person; returns that person's id. */
async function userWithPermissions(roleName: string, keys: string[]) {
  const permissions = await prisma.permission.findMany();
  const wanted = permissions.filter((p) => keys.includes(`${p.action}:${p.entity}:${p.access}`));
  expect(wanted).toHaveLength(keys.length);
  await prisma.role.create({ data: { name: roleName, permissions: { create: wanted.map((p) => ({ permissionId: p.id })) } } });
  return (await createUser({ email: `${roleName}@example.com`, roles: [roleName] })).id;
}

type ListData = { users: Array<{ email: string; name: string }>; total: number; query: { page: number } };

describe("admin users", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ email: "boss@example.com", name: "Zoe Boss", roles: ["admin"] })).id;
  });

  async function list(search: string) {
    const result = await run(users.loader, await getRequest(`/admin/users${search}`, { userId: adminId }));
    expect(statusOf(result)).toBe(200);
    return payloadOf<ListData>(result);
  }

  async function post(userId: string, fields: Record<string, string | string[]>, actor = adminId) {
    return run(user.action, await formRequest(`/admin/users/${userId}`, fields, { userId: actor }), { userId });
  }

  it("searches name and e-mail case-insensitively, filters by role and status, sorts", async () => {
    await createUser({ email: "ann@example.com", name: "Ann Archer", roles: ["blogger"] });
    await createUser({ email: "bob@annex.test", name: "Bob Brown", roles: ["user"], status: "deactivated" });
    await createUser({ email: "carl@example.com", name: "Carl Clay", roles: ["user"], verified: false });

    expect((await list("?q=ANN")).users.map((u) => u.email).sort()).toEqual(["ann@example.com", "bob@annex.test"]);
    expect((await list("?role=blogger")).users.map((u) => u.email)).toEqual(["ann@example.com"]);
    expect((await list("?status=deactivated")).users.map((u) => u.email)).toEqual(["bob@annex.test"]);
    expect((await list("?status=unverified")).users.map((u) => u.email)).toEqual(["carl@example.com"]);
    expect((await list("?status=active&role=user")).users.map((u) => u.email)).toEqual(["carl@example.com"]);
    expect((await list("?sort=name")).users.map((u) => u.name)).toEqual(["Ann Archer", "Bob Brown", "Carl Clay", "Zoe Boss"]);
    expect((await list("?sort=name&dir=desc")).users.map((u) => u.name)).toEqual([
      "Zoe Boss",
      "Carl Clay",
      "Bob Brown",
      "Ann Archer",
    ]);
    expect((await list("?sort=email")).users[0].email).toBe("ann@example.com");
  });

  it("pages by 25 and clamps a page past the end", async () => {
    await prisma.user.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        email: `bulk${String(i).padStart(2, "0")}@example.com`,
        name: `Bulk ${String(i).padStart(2, "0")}`,
      })),
    });
    const first = await list("?sort=email");
    expect(first.total).toBe(31);
    expect(first.users).toHaveLength(25);
    const second = await list("?sort=email&page=2");
    // "boss@…" sorts before "bulk…", so page 2 holds the last six bulk addresses
    expect(second.users.map((u) => u.email)).toEqual([24, 25, 26, 27, 28, 29].map((n) => `bulk${n}@example.com`));
    const clamped = await list("?sort=email&page=99");
    expect(clamped.query.page).toBe(2);
    expect(clamped.users).toHaveLength(6);
    expect((await list("?page=-3")).query.page).toBe(1);
  });

  it("changes roles with an audit row (before/after, actor, IP) in the same transaction", async () => {
    const target = await createUser({ roles: ["user"] });
    const result = await post(target.id, { intent: "roles", roles: ["blogger", "user"] });
    expect(statusOf(result)).toBe(302);
    expect(await rolesOf(target.id)).toEqual(["blogger", "user"]);
    const rows = await prisma.auditLog.findMany({ where: { entityId: target.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: adminId,
      action: "user.roles.update",
      entityType: "user",
      before: { roles: ["user"] },
      after: { roles: ["blogger", "user"] },
      ipAddress: "203.0.113.7",
    });
    // the same set again changes nothing and writes no row
    await post(target.id, { intent: "roles", roles: ["user", "blogger"] });
    expect(await prisma.auditLog.count({ where: { entityId: target.id } })).toBe(1);
  });

  it("deactivates: sessions revoked at once, sign-in refused, audit row; reactivation is audited too", async () => {
    const target = await createUser({ roles: ["user"] });
    const a = await sessionCookie(target.id);
    const b = await sessionCookie(target.id);
    expect(await getSessionUser(a.sessionId)).not.toBeNull();
    expect(statusOf(await post(target.id, { intent: "deactivate" }))).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("deactivated");
    expect(await prisma.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(await getSessionUser(a.sessionId)).toBeNull();
    expect(await getSessionUser(b.sessionId)).toBeNull();
    const [row] = await prisma.auditLog.findMany({ where: { entityId: target.id, action: "user.deactivate" } });
    expect(row).toMatchObject({
      actorId: adminId,
      before: { status: "active" },
      after: { status: "deactivated", revokedSessions: 2 },
      ipAddress: "203.0.113.7",
    });

    expect(statusOf(await post(target.id, { intent: "reactivate" }))).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("active");
    expect(await prisma.auditLog.count({ where: { entityId: target.id, action: "user.reactivate" } })).toBe(1);
  });

  it("refuses to let an admin deactivate themself or drop their own admin role", async () => {
    const self = await post(adminId, { intent: "deactivate" });
    expect(statusOf(self)).toBe(409);
    expect(payloadOf<{ message: string }>(self).message).toBe("You cannot deactivate your own account.");
    const roles = await post(adminId, { intent: "roles", roles: ["user"] });
    expect(statusOf(roles)).toBe(409);
    expect(payloadOf<{ message: string }>(roles).message).toMatch(/own admin role/);
    expect(await rolesOf(adminId)).toEqual(["admin"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).status).toBe("active");
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("keeps at least one active admin", async () => {
    const other = await createUser({ roles: ["admin"] });
    expect(statusOf(await post(other.id, { intent: "deactivate" }))).toBe(302);
    // now the acting admin is the last one; another admin-capable actor cannot remove them
    const helper = await createUser({ roles: ["admin"] });
    await prisma.userRole.deleteMany({ where: { userId: helper.id } });
    const editor = await prisma.role.create({
      data: {
        name: "editor",
        permissions: {
          create: (await prisma.permission.findMany({ where: { entity: "user" } })).map((p) => ({ permissionId: p.id })),
        },
      },
    });
    await prisma.userRole.create({ data: { userId: helper.id, roleId: editor.id } });
    const result = await post(adminId, { intent: "deactivate" }, helper.id);
    expect(statusOf(result)).toBe(409);
    expect(payloadOf<{ message: string }>(result).message).toMatch(/active admin/);
  });

  it("edits the profile, audits only changed fields, and refuses a taken e-mail", async () => {
    const target = await createUser({ email: "t@example.com", name: "T", roles: ["user"] });
    await createUser({ email: "taken@example.com" });
    const ok = await post(target.id, {
      intent: "profile",
      name: "Tina",
      email: "T@Example.com",
      timeZone: "Europe/Madrid",
      locale: "es",
    });
    expect(statusOf(ok)).toBe(302);
    const [row] = await prisma.auditLog.findMany({ where: { entityId: target.id } });
    expect(row.before).toEqual({ name: "T", timeZone: "UTC", locale: "en" });
    expect(row.after).toEqual({ name: "Tina", timeZone: "Europe/Madrid", locale: "es" });

    const taken = await post(target.id, {
      intent: "profile",
      name: "Tina",
      email: "taken@example.com",
      timeZone: "UTC",
      locale: "en",
    });
    expect(statusOf(taken)).toBe(400);
    expect(payloadOf<{ result: { error: Record<string, string[]> } }>(taken).result.error.email).toEqual([
      "Another account already uses this e-mail address.",
    ]);
    const invalid = await post(target.id, { intent: "profile", name: "", email: "nope", timeZone: "Mars/Base", locale: "xx" });
    expect(Object.keys(payloadOf<{ result: { error: Record<string, string[]> } }>(invalid).result.error).sort()).toEqual([
      "email",
      "locale",
      "name",
      "timeZone",
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).email).toBe("t@example.com");
  });

  it("revokes all sessions and resets MFA, with audit rows", async () => {
    const target = await createUser();
    await sessionCookie(target.id);
    await prisma.totpDevice.create({ data: { userId: target.id, secret: "s", confirmedAt: new Date() } });
    await prisma.backupCode.createMany({
      data: [
        { userId: target.id, codeHash: "a" },
        { userId: target.id, codeHash: "b" },
      ],
    });
    expect(statusOf(await post(target.id, { intent: "revokeSessions" }))).toBe(302);
    expect(await prisma.session.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect(statusOf(await post(target.id, { intent: "resetMfa" }))).toBe(302);
    expect(await prisma.totpDevice.count({ where: { userId: target.id } })).toBe(0);
    expect(await prisma.backupCode.count({ where: { userId: target.id } })).toBe(0);
    const actions = (await prisma.auditLog.findMany({ where: { entityId: target.id }, orderBy: { createdAt: "asc" } })).map(
      (r) => r.action,
    );
    expect(actions).toEqual(["user.sessions.revoke", "user.mfa.reset"]);
  });

  it("shows one user with sessions, attempts and MFA state; 404 for an unknown id", async () => {
    const target = await createUser({ name: "Shown" });
    await prisma.loginAttempt.create({
      data: { email: target.email, userId: target.id, ipAddress: "198.51.100.1", success: false, reason: "bad_password" },
    });
    const data = payloadOf<{ user: { name: string; loginAttempts: unknown[]; mfa: { enabled: boolean } }; canUpdate: boolean }>(
      await run(user.loader, await getRequest(`/admin/users/${target.id}`, { userId: adminId }), { userId: target.id }),
    );
    expect(data.user.name).toBe("Shown");
    expect(data.user.loginAttempts).toHaveLength(1);
    expect(data.user.mfa.enabled).toBe(false);
    expect(data.canUpdate).toBe(true);
    expect(
      statusOf(await run(user.loader, await getRequest("/admin/users/nobody", { userId: adminId }), { userId: "nobody" })),
    ).toBe(404);
  });

  it("two parallel role edits leave one complete result and a consistent audit chain", async () => {
    const target = await createUser({ roles: ["user"] });
    const other = await createUser({ roles: ["admin"] });
    const base = { userId: target.id, ipAddress: "203.0.113.7" };
    const outcomes = await Promise.all([
      setUserRoles({ ...base, actorId: adminId, roleNames: ["blogger", "commercial"] }),
      setUserRoles({ ...base, actorId: other.id, roleNames: ["employee"] }),
      setUserRoles({ ...base, actorId: adminId, roleNames: ["user", "blogger"] }),
    ]);
    expect(outcomes.every((o) => o.changed !== undefined)).toBe(true);
    const final = await rolesOf(target.id);
    expect([["blogger", "commercial"], ["employee"], ["blogger", "user"]]).toContainEqual(final);
    const rows = await prisma.auditLog.findMany({
      where: { entityId: target.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    let current: unknown = ["user"];
    for (const row of rows) {
      expect((row.before as { roles: string[] }).roles).toEqual(current);
      current = (row.after as { roles: string[] }).roles;
    }
    expect(current).toEqual(final);
  });
  describe("who may assign which role", () => {
    const SUPPORT = ["read:admin:any", "read:user:any", "update:user:any", "create:api-key:any"];

    it("refuses a non-admin with update:user:any giving the admin role to themself or anyone, writing nothing", async () => {
      const supportId = await userWithPermissions("support", SUPPORT);
      const target = await createUser({ roles: ["user"] });
      for (const [userId, roles] of [
        [supportId, ["support", "admin"]],
        [target.id, ["user", "admin"]],
        [target.id, ["blogger"]], // blogger carries create:post:own and read:post:any, which support lacks
      ] as const) {
        const result = await post(userId, { intent: "roles", roles: [...roles] }, supportId);
        expect(statusOf(result)).toBe(403);
        expect(payloadOf<{ message: string }>(result).message).toBe(
          "You can only assign or remove roles whose permissions you all hold yourself.",
        );
      }
      expect(await rolesOf(supportId)).toEqual(["support"]);
      expect(await rolesOf(target.id)).toEqual(["user"]);
      expect(await prisma.auditLog.count()).toBe(0);
      // the domain function refuses on its own, too
      await expect(
        setUserRoles({ actorId: supportId, ipAddress: null, userId: supportId, roleNames: ["support", "admin"] }),
      ).rejects.toMatchObject({ code: "role_not_grantable" });
    });

    it("refuses a non-admin taking away a role they could not give (the admin role of an admin)", async () => {
      const supportId = await userWithPermissions("support", SUPPORT);
      await createUser({ roles: ["admin"] });
      const result = await post(adminId, { intent: "roles", roles: ["user"] }, supportId);
      expect(statusOf(result)).toBe(403);
      expect(await rolesOf(adminId)).toEqual(["admin"]);
    });

    it("lets a non-admin assign roles made only of permissions they hold, and shows the others locked", async () => {
      const supportId = await userWithPermissions("support", SUPPORT);
      const target = await createUser({ roles: [] });
      expect(statusOf(await post(target.id, { intent: "roles", roles: ["user"] }, supportId))).toBe(302);
      expect(await rolesOf(target.id)).toEqual(["user"]);
      const data = payloadOf<{ roles: Array<{ name: string; grantable: boolean }> }>(
        await run(user.loader, await getRequest(`/admin/users/${target.id}`, { userId: supportId }), { userId: target.id }),
      );
      expect(data.roles.filter((r) => r.grantable).map((r) => r.name)).toEqual(["support", "user"]);
    });

    it("still lets an admin assign the admin role", async () => {
      const target = await createUser({ roles: ["user"] });
      expect(statusOf(await post(target.id, { intent: "roles", roles: ["admin", "user"] }))).toBe(302);
      expect(await rolesOf(target.id)).toEqual(["admin", "user"]);
      const data = payloadOf<{ roles: Array<{ grantable: boolean }> }>(
        await run(user.loader, await getRequest(`/admin/users/${target.id}`, { userId: adminId }), { userId: target.id }),
      );
      expect(data.roles.every((r) => r.grantable)).toBe(true);
    });
  });

  it("names sessions by a one-way handle: the page data holds no part of any session id", async () => {
    const target = await createUser();
    await sessionCookie(target.id);
    await sessionCookie(target.id);
    const sessions = await prisma.session.findMany({ where: { userId: target.id }, select: { id: true } });
    expect(sessions).toHaveLength(2);
    const data = payloadOf<{ user: { sessions: Array<{ handle: string }> } }>(
      await run(user.loader, await getRequest(`/admin/users/${target.id}`, { userId: adminId }), { userId: target.id }),
    );
    expect(data.user.sessions.map((s) => s.handle).sort()).toEqual(sessions.map((s) => sessionHandle(s.id)).sort());
    const json = JSON.stringify(data);
    const allSessionIds = await prisma.session.findMany({ select: { id: true } }); // the viewer's own too
    for (const { id } of allSessionIds) {
      for (let i = 0; i + 6 <= id.length; i++) expect(json).not.toContain(id.slice(i, i + 6));
    }
  });

  it("an e-mail change by an admin leaves the new address unverified, and the audit row says so", async () => {
    const target = await createUser({ email: "old@example.com", name: "Olga", verified: true });
    const result = await post(target.id, {
      intent: "profile",
      name: "Olga",
      email: "new@example.com",
      timeZone: "UTC",
      locale: "en",
    });
    expect(statusOf(result)).toBe(302);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.email).toBe("new@example.com");
    expect(after.emailVerifiedAt).toBeNull();
    const row = await prisma.auditLog.findFirstOrThrow({ where: { entityId: target.id, action: "user.profile.update" } });
    expect(row.before).toMatchObject({ email: "old@example.com", emailVerifiedAt: expect.any(String) });
    expect(row.after).toEqual({ email: "new@example.com", emailVerifiedAt: null });
    // a change that keeps the address keeps the verification
    const verifiedAt = new Date();
    await prisma.user.update({ where: { id: target.id }, data: { emailVerifiedAt: verifiedAt } });
    await post(target.id, { intent: "profile", name: "Olga B", email: "new@example.com", timeZone: "UTC", locale: "en" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).emailVerifiedAt).toEqual(verifiedAt);
  });
});
