// API key management: what is stored (never the key), which scopes each person may grant, audit
// rows, owner-scoped revocation, and the account and admin pages' loaders and actions.
import { beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "~/domains/errors";
import { createApiKey, listApiKeys, revokeApiKey } from "~/domains/identity/api-keys.server";
import { authenticateApiKey } from "~/domains/identity/api-keys.server";
import { DEFAULT_ROLE_GRANTS } from "~/domains/identity/permissions";
import { prisma } from "~/infra/db.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account+/security.api-keys";
import { action as adminAction, loader as adminLoader } from "~/routes/admin+/api-keys";
import { createUser } from "../factories/users";
import { context, formRequest, getRequest, settle } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

const USER = new Set<string>(DEFAULT_ROLE_GRANTS.user);
const ADMIN = new Set<string>(DEFAULT_ROLE_GRANTS.admin);

type Outcome = {
  data: {
    created: { key: string; name: string; ownerEmail: string } | null;
    result: { error?: Record<string, string[] | null> };
  };
  init: ResponseInit | null;
};

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("API key domain", () => {
  beforeEach(resetDatabase);

  it("never lets parallel creations pass the cap of active keys per user", async () => {
    const user = await createUser();
    const attempts = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        createApiKey({ actorId: user.id, actorPermissions: USER, owner: { id: user.id }, name: `k${i}`, scopes: ["me:read"] }),
      ),
    );
    const refused = attempts.filter((a) => a.status === "rejected");
    expect(refused.every((a) => a.status === "rejected" && isDomainError(a.reason, "api-key.limit"))).toBe(true);
    expect(await prisma.apiKey.count({ where: { userId: user.id, revokedAt: null } })).toBe(20);
    expect(attempts.length - refused.length).toBe(20);
  });

  it("returns the full key once and stores only its prefix and a SHA-256 hash", async () => {
    const user = await createUser();
    const created = await createApiKey({
      actorId: user.id,
      actorPermissions: USER,
      owner: { id: user.id },
      name: "  CI  ",
      scopes: ["me:read", "me:read"],
    });
    expect(created.key).toMatch(/^vk_live_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "CI", scopes: ["me:read"], userId: user.id, revokedAt: null, lastUsedAt: null });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.key.slice(17));
    const audit = await prisma.auditLog.findMany({ where: { entityId: created.id } });
    expect(audit).toMatchObject([{ action: "api-key.create", actorId: user.id, entityType: "api-key" }]);
    expect(JSON.stringify(audit[0].after)).not.toContain(created.key.slice(17));
    expect((await authenticateApiKey(created.key))?.user.id).toBe(user.id);
  });

  it("limits scopes to what both the creator and the owner may do", async () => {
    const user = await createUser();
    const admin = await createUser({ roles: ["admin"] });
    const own = await refusal(
      createApiKey({ actorId: user.id, actorPermissions: USER, owner: { id: user.id }, name: "x", scopes: ["users:read"] }),
    );
    expect(own.code).toBe("api-key.scope-not-allowed");
    expect(own.details).toEqual({ scope: "users:read" });
    const forUser = await refusal(
      createApiKey({
        actorId: admin.id,
        actorPermissions: ADMIN,
        owner: { email: user.email },
        name: "x",
        scopes: ["users:read"],
      }),
    );
    expect(forUser.code).toBe("api-key.scope-not-allowed");
    expect(
      (
        await refusal(
          createApiKey({ actorId: user.id, actorPermissions: USER, owner: { id: user.id }, name: "x", scopes: ["users:write"] }),
        )
      ).code,
    ).toBe("api-key.scope-not-allowed");
    expect(
      (
        await refusal(
          createApiKey({ actorId: user.id, actorPermissions: USER, owner: { id: user.id }, name: "x", scopes: ["users:delete"] }),
        )
      ).code,
    ).toBe("api-key.scope-unknown");
    expect(
      (
        await refusal(
          createApiKey({
            actorId: admin.id,
            actorPermissions: ADMIN,
            owner: { email: "nobody@example.com" },
            name: "x",
            scopes: ["me:read"],
          }),
        )
      ).code,
    ).toBe("api-key.owner-not-found");
    const ok = await createApiKey({
      actorId: admin.id,
      actorPermissions: ADMIN,
      owner: { email: user.email.toUpperCase() },
      name: "For user",
      scopes: ["me:read"],
    });
    expect(ok.userId).toBe(user.id);
    expect(await prisma.apiKey.count()).toBe(1);
  });

  it("lets owners revoke only their own keys, and administrators any key", async () => {
    const owner = await createUser();
    const other = await createUser();
    const admin = await createUser({ roles: ["admin"] });
    const a = await createApiKey({
      actorId: owner.id,
      actorPermissions: USER,
      owner: { id: owner.id },
      name: "a",
      scopes: ["me:read"],
    });
    const b = await createApiKey({
      actorId: owner.id,
      actorPermissions: USER,
      owner: { id: owner.id },
      name: "b",
      scopes: ["me:read"],
    });
    expect(await revokeApiKey({ actorId: other.id, keyId: a.id, asAdmin: false })).toBe(false);
    expect(await revokeApiKey({ actorId: owner.id, keyId: a.id, asAdmin: false })).toBe(true);
    expect(await revokeApiKey({ actorId: owner.id, keyId: a.id, asAdmin: false })).toBe(false);
    expect(await revokeApiKey({ actorId: admin.id, keyId: b.id, asAdmin: true, ipAddress: "203.0.113.1" })).toBe(true);
    const keys = await listApiKeys({ userId: owner.id });
    expect(keys.every((key) => key.revokedAt instanceof Date)).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { action: "api-key.revoke" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.entityId, row.actorId])).toEqual([
      [a.id, owner.id],
      [b.id, admin.id],
    ]);
    expect(await authenticateApiKey(a.key)).toBeNull();
  });
});

describe("/account/security/api-keys", () => {
  beforeEach(resetDatabase);

  it("creates a key, shows it in the answer only, lists it, and revokes it", async () => {
    const user = await createUser();
    const loaded = (await accountLoader({
      request: await getRequest("/account/security/api-keys", { userId: user.id }),
      params: {},
      context: context(),
    })) as unknown as {
      data: { scopes: string[]; keys: unknown[] };
    };
    expect(loaded.data.scopes).toEqual(["me:read"]);
    expect(loaded.data.keys).toEqual([]);

    const request = await formRequest(
      "/account/security/api-keys",
      { intent: "create", name: "Laptop", scopes: "me:read" },
      { userId: user.id },
    );
    const outcome = (await accountAction({ request, params: {}, context: context() })) as unknown as Outcome;
    expect(outcome.data.created?.key).toMatch(/^vk_live_/);
    expect(outcome.data.created?.ownerEmail).toBe(user.email);
    expect(outcome.init?.headers).toMatchObject({ "Cache-Control": "no-store" });

    const listed = (await accountLoader({
      request: await getRequest("/account/security/api-keys", { userId: user.id }),
      params: {},
      context: context(),
    })) as unknown as {
      data: { keys: Array<{ id: string; prefix: string; name: string }> };
    };
    expect(listed.data.keys).toMatchObject([{ name: "Laptop", prefix: outcome.data.created!.key.slice(0, 16) }]);
    expect(JSON.stringify(listed.data)).not.toContain(outcome.data.created!.key);

    const revokeRequest = await formRequest(
      "/account/security/api-keys",
      { intent: "revoke", keyId: listed.data.keys[0].id },
      { userId: user.id },
    );
    const revoked = (await settle(() => accountAction({ request: revokeRequest, params: {}, context: context() }))) as Response;
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe("/account/security/api-keys");
    expect(await authenticateApiKey(outcome.data.created!.key)).toBeNull();
  });

  it("answers a scope the user may not grant with a field error and creates nothing", async () => {
    const user = await createUser();
    const request = await formRequest(
      "/account/security/api-keys",
      { intent: "create", name: "Sneaky", scopes: ["me:read", "users:read"] },
      { userId: user.id },
    );
    const outcome = (await accountAction({ request, params: {}, context: context() })) as unknown as Outcome;
    expect(outcome.data.created).toBeNull();
    expect(outcome.init?.status).toBe(400);
    expect(outcome.data.result.error?.scopes?.[0]).toContain("users:read");
    const empty = await formRequest("/account/security/api-keys", { intent: "create", name: "" }, { userId: user.id });
    const invalid = (await accountAction({ request: empty, params: {}, context: context() })) as unknown as Outcome;
    expect(invalid.data.result.error).toMatchObject({ name: ["Enter a name."], scopes: ["Choose at least one scope."] });
    expect(await prisma.apiKey.count()).toBe(0);
  });

  it("cannot revoke someone else's key", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const key = await createApiKey({
      actorId: owner.id,
      actorPermissions: USER,
      owner: { id: owner.id },
      name: "Mine",
      scopes: ["me:read"],
    });
    const request = await formRequest("/account/security/api-keys", { intent: "revoke", keyId: key.id }, { userId: intruder.id });
    const response = (await settle(() => accountAction({ request, params: {}, context: context() }))) as Response;
    expect(response.status).toBe(302);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });
});

describe("/admin/api-keys", () => {
  beforeEach(resetDatabase);

  it("is refused without create:api-key:any, in the loader and the action", async () => {
    const user = await createUser({ roles: ["user", "blogger"] });
    const loaded = (await settle(async () =>
      adminLoader({ request: await getRequest("/admin/api-keys", { userId: user.id }), params: {}, context: context() }),
    )) as Response;
    expect(loaded.status).toBe(403);
    const request = await formRequest(
      "/admin/api-keys",
      { intent: "create", ownerEmail: user.email, name: "x", scopes: "me:read" },
      { userId: user.id },
    );
    const acted = (await settle(() => adminAction({ request, params: {}, context: context() }))) as Response;
    expect(acted.status).toBe(403);
    expect(await prisma.apiKey.count()).toBe(0);
  });

  it("creates a key for a user by e-mail, lists every key with its owner, and revokes any key", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ name: "Key Owner" });
    const request = await formRequest(
      "/admin/api-keys",
      { intent: "create", ownerEmail: user.email, name: "Integration", scopes: "me:read" },
      { userId: admin.id },
    );
    const outcome = (await adminAction({ request, params: {}, context: context() })) as unknown as Outcome;
    expect(outcome.data.created).toMatchObject({ name: "Integration", ownerEmail: user.email });
    const principal = await authenticateApiKey(outcome.data.created!.key);
    expect(principal?.user.id).toBe(user.id);

    const unknownOwner = await formRequest(
      "/admin/api-keys",
      { intent: "create", ownerEmail: "ghost@example.com", name: "x", scopes: "me:read" },
      { userId: admin.id },
    );
    const refused = (await adminAction({ request: unknownOwner, params: {}, context: context() })) as unknown as Outcome;
    expect(refused.data.result.error?.ownerEmail).toEqual(["No active user has this e-mail address."]);

    const loaded = (await adminLoader({
      request: await getRequest("/admin/api-keys", { userId: admin.id }),
      params: {},
      context: context(),
    })) as unknown as {
      data: { keys: Array<{ id: string; owner: { email: string } }>; total: number };
    };
    expect(loaded.data.total).toBe(1);
    expect(loaded.data.keys[0].owner.email).toBe(user.email);

    const revoke = await formRequest(
      "/admin/api-keys",
      { intent: "revoke", keyId: loaded.data.keys[0].id },
      { userId: admin.id },
    );
    const revoked = (await settle(() => adminAction({ request: revoke, params: {}, context: context() }))) as Response;
    expect(revoked.status).toBe(302);
    expect(await authenticateApiKey(outcome.data.created!.key)).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { entityId: principal!.keyId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId, row.ipAddress])).toEqual([
      ["api-key.create", admin.id, "203.0.113.7"],
      ["api-key.revoke", admin.id, "203.0.113.7"],
    ]);
  });
});
