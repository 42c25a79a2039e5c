// The REST API's front door: bearer keys (missing, malformed, revoked, without the scope),
// problem+json answers with RateLimit-* headers, 404 and 405, and who /api/v1/me says you are.
import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "~/domains/identity/api-keys.server";
import { DEFAULT_ROLE_GRANTS } from "~/domains/identity/permissions";
import { ApiMeSchema } from "~/domains/platform/api/me-schema";
import { ProblemSchema } from "~/domains/platform/api/schemas";
import { prisma } from "~/infra/db.server";
import { action as meAction, loader as meLoader } from "~/routes/api+/v1.me";
import { loader as usersLoader } from "~/routes/api+/v1.users._index";
import { action as splatAction, loader as splatLoader } from "~/routes/api+/v1.$";
import { createUser } from "../factories/users";
import { BASE, context } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

type Loader = typeof meLoader;

function apiRequest(
  path: string,
  { key, method = "GET", authorization }: { key?: string; method?: string; authorization?: string } = {},
) {
  const headers = new Headers();
  if (key) headers.set("Authorization", `Bearer ${key}`);
  if (authorization) headers.set("Authorization", authorization);
  return new Request(`${BASE}${path}`, { method, headers });
}

function call(loader: Loader, request: Request, params: Record<string, string> = {}) {
  return loader({ request, params, context: context({ clientIp: `198.51.100.${Math.floor(Math.random() * 250)}` }) });
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  const body = ProblemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  expect(body.type).toContain("/api/docs#problem-");
  return body;
}

async function keyFor(roles: string[], scopes: string[]) {
  const user = await createUser({
    roles,
    email: `owner-${roles.join("-")}-${Math.random().toString(36).slice(2, 8)}@example.com`,
  });
  const permissions = new Set<string>(roles.flatMap((role) => DEFAULT_ROLE_GRANTS[role as keyof typeof DEFAULT_ROLE_GRANTS]));
  const created = await createApiKey({
    actorId: user.id,
    actorPermissions: permissions,
    owner: { id: user.id },
    name: "Test key",
    scopes,
  });
  return { user, ...created };
}

describe("API authentication", () => {
  beforeEach(resetDatabase);

  it("refuses a request without a key: 401 problem+json with a Bearer challenge and rate-limit headers", async () => {
    const response = await call(meLoader, apiRequest("/api/v1/me"));
    const body = await expectProblem(response, 401);
    expect(body.instance).toBe("/api/v1/me");
    expect(body.title).toBe("Unauthorized");
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm=/);
    expect(Number(response.headers.get("RateLimit-Limit"))).toBeGreaterThan(0);
    expect(response.headers.get("RateLimit-Remaining")).not.toBeNull();
    expect(response.headers.get("RateLimit-Reset")).not.toBeNull();
  });

  it("refuses malformed, unknown and non-Bearer credentials with 401 invalid_token", async () => {
    const { key } = await keyFor(["user"], ["me:read"]);
    const tampered = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const request of [
      apiRequest("/api/v1/me", { key: "not-a-key" }),
      apiRequest("/api/v1/me", { key: tampered }),
      apiRequest("/api/v1/me", { authorization: `Basic ${key}` }),
    ]) {
      const response = await call(meLoader, request);
      await expectProblem(response, 401);
    }
    const response = await call(meLoader, apiRequest("/api/v1/me", { key: tampered }));
    expect(response.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
  });

  it("answers /me with the key's owner, and stops accepting the key once it is revoked", async () => {
    const { user, key, id } = await keyFor(["user"], ["me:read"]);
    const response = await call(meLoader, apiRequest("/api/v1/me", { key }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(response.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get("RateLimit-Remaining")).not.toBeNull();
    const me = ApiMeSchema.parse(await response.json());
    expect(me.user).toMatchObject({ id: user.id, email: user.email, name: user.name, status: "active" });
    expect(me.roles).toEqual(["user"]);
    expect(me.api_key).toEqual({ prefix: key.slice(0, 16), name: "Test key", scopes: ["me:read"] });

    expect(await revokeApiKey({ actorId: user.id, keyId: id, asAdmin: false })).toBe(true);
    await expectProblem(await call(meLoader, apiRequest("/api/v1/me", { key })), 401);
  });

  it("refuses keys of deactivated users", async () => {
    const { user, key } = await keyFor(["user"], ["me:read"]);
    await prisma.user.update({ where: { id: user.id }, data: { status: "deactivated" } });
    await expectProblem(await call(meLoader, apiRequest("/api/v1/me", { key })), 401);
  });

  it("refuses a key without the endpoint's scope with 403 naming the scope", async () => {
    const { key } = await keyFor(["admin"], ["me:read"]);
    const response = await call(usersLoader, apiRequest("/api/v1/users", { key }));
    const body = await expectProblem(response, 403);
    expect(body.scope).toBe("users:read");
    expect(body.detail).toContain("users:read");
    expect(response.headers.get("WWW-Authenticate")).toContain('scope="users:read"');
    expect(response.headers.get("RateLimit-Limit")).not.toBeNull();
  });

  it("stops honouring a scope when the owner loses the permission behind it", async () => {
    const { user, key } = await keyFor(["admin"], ["users:read"]);
    expect((await call(usersLoader, apiRequest("/api/v1/users", { key }))).status).toBe(200);
    const userRole = await prisma.role.findUniqueOrThrow({ where: { name: "user" } });
    await prisma.userRole.deleteMany({ where: { userId: user.id } });
    await prisma.userRole.create({ data: { userId: user.id, roleId: userRole.id } });
    const body = await expectProblem(await call(usersLoader, apiRequest("/api/v1/users", { key })), 403);
    expect(body.scope).toBe("users:read");
  });

  it("records when a key was last used, at most once a minute", async () => {
    const { key, id } = await keyFor(["user"], ["me:read"]);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await call(meLoader, apiRequest("/api/v1/me", { key }));
    const first = (await prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await call(meLoader, apiRequest("/api/v1/me", { key }));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    const old = new Date(Date.now() - 61_000);
    await prisma.apiKey.update({ where: { id }, data: { lastUsedAt: old } });
    await call(meLoader, apiRequest("/api/v1/me", { key }));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(old.getTime());
  });

  it("answers unknown API paths with a 404 problem and other methods with 405 and Allow", async () => {
    const notFound = await call(splatLoader, apiRequest("/api/v1/nope/deeper"), { "*": "nope/deeper" });
    expect((await expectProblem(notFound, 404)).instance).toBe("/api/v1/nope/deeper");
    const postNotFound = await splatAction({
      request: apiRequest("/api/v1/nope", { method: "POST" }),
      params: {},
      context: context(),
    });
    await expectProblem(postNotFound, 404);

    const { key } = await keyFor(["user"], ["me:read"]);
    const deleted = await meAction({
      request: apiRequest("/api/v1/me", { key, method: "DELETE" }),
      params: {},
      context: context(),
    });
    await expectProblem(deleted, 405);
    expect(deleted.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect(deleted.headers.get("RateLimit-Limit")).not.toBeNull();
    const options = await meAction({ request: apiRequest("/api/v1/me", { method: "OPTIONS" }), params: {}, context: context() });
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
  });
});
