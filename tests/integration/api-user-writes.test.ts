// Writing users through the API: POST /api/v1/users (201 + Location, the admin area's rules, 422
// problems with field errors, nothing created on refusal) and PATCH /api/v1/users/{id} (merge,
// If-Match → 412, no lost updates when two clients change different properties at once).
import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "~/domains/identity/api-keys.server";
import { ProblemSchema } from "~/domains/platform/api/schemas";
import { ApiUserSchema } from "~/domains/platform/api/user-schemas";
import { prisma } from "~/infra/db.server";
import * as userRoute from "~/routes/api+/v1.users.$userId";
import * as usersRoute from "~/routes/api+/v1.users._index";
import { createUser } from "../factories/users";
import { sessionCookie } from "../setup/requests";
import { resetDatabase, rowCounts } from "../setup/reset";
import { callApi, keyFor } from "./api-helpers";

let key: string;
let ownerId: string;

const create = (body: unknown, options: { headers?: Record<string, string>; key?: string } = {}) =>
  callApi(usersRoute, "/api/v1/users", { method: "POST", key: options.key ?? key, body, headers: options.headers });
const patch = (userId: string, body: unknown, headers: Record<string, string> = {}) =>
  callApi(userRoute, `/api/v1/users/${userId}`, { method: "PATCH", key, body, headers, params: { userId } });
const read = (userId: string) => callApi(userRoute, `/api/v1/users/${userId}`, { key, params: { userId } });

async function expectFieldErrors(response: Response, errors: Array<{ field: string; code?: string }>) {
  expect(response.status).toBe(422);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  const problem = ProblemSchema.parse(await response.json());
  expect(problem.title).toBe("Validation failed");
  expect(problem.errors?.map(({ field, code }) => ({ field, ...(code ? { code } : {}) }))).toEqual(errors);
  return problem;
}

beforeEach(async () => {
  await resetDatabase();
  const owner = await keyFor({ roles: ["admin"], scopes: ["users:read", "users:write"], email: "api-admin@example.com" });
  key = owner.key;
  ownerId = owner.user.id;
});

describe("POST /api/v1/users", () => {
  it("creates the user with the admin area's defaults, answers 201 with Location, and audits it", async () => {
    const response = await create({ email: "  Ada@Example.com ", name: " Ada Lovelace ", time_zone: "Europe/London" });
    expect(response.status).toBe(201);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = ApiUserSchema.parse(await response.json());
    expect(body).toMatchObject({
      email: "ada@example.com",
      name: "Ada Lovelace",
      status: "active",
      email_verified: false,
      locale: "en",
      time_zone: "Europe/London",
      roles: ["user"],
    });
    expect(response.headers.get("Location")).toBe(`/api/v1/users/${body.id}`);
    const fetched = await read(body.id);
    expect(await fetched.json()).toEqual(body);
    expect(fetched.headers.get("ETag")).toBe(response.headers.get("ETag"));

    const row = await prisma.user.findUniqueOrThrow({ where: { id: body.id }, select: { password: true } });
    expect(row.password).toBeNull();
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: body.id } });
    expect(audit).toMatchObject({ actorId: ownerId, ipAddress: "203.0.113.7" });
  });

  it("gives the roles asked for, but only roles whose permissions the key's owner holds", async () => {
    const withRoles = await create({ email: "blogger@example.com", name: "Blogger", roles: ["blogger", "user"] });
    expect(withRoles.status).toBe(201);
    expect((await withRoles.json()).roles).toEqual(["blogger", "user"]);

    const managerRole = await prisma.role.create({
      data: {
        name: "user-manager",
        permissions: {
          create: await prisma.permission
            .findMany({
              where: {
                OR: [
                  { action: "read", entity: "user", access: "any" },
                  { action: "create", entity: "user", access: "any" },
                  { action: "update", entity: "user", access: "any" },
                  { action: "create", entity: "api-key", access: "own" },
                ],
              },
              select: { id: true },
            })
            .then((rows) => rows.map((row) => ({ permissionId: row.id }))),
        },
      },
    });
    expect(managerRole.name).toBe("user-manager");
    const managerUser = await createUser({ email: "manager@example.com", roles: ["user-manager"] });
    const managerKey = await createApiKey({
      actorId: managerUser.id,
      actorPermissions: new Set(["read:user:any", "create:user:any", "update:user:any", "create:api-key:own"]),
      owner: { id: managerUser.id },
      name: "Manager",
      scopes: ["users:write"],
    });
    const before = await rowCounts();
    const escalate = await create({ email: "boss@example.com", name: "Boss", roles: ["admin"] }, { key: managerKey.key });
    await expectFieldErrors(escalate, [{ field: "roles", code: "role_not_grantable" }]);
    const unknown = await create({ email: "boss@example.com", name: "Boss", roles: ["wizard"] }, { key: managerKey.key });
    await expectFieldErrors(unknown, [{ field: "roles", code: "unknown_role" }]);
    expect(await rowCounts()).toEqual(before);
    expect((await create({ email: "plain@example.com", name: "Plain" }, { key: managerKey.key })).status).toBe(201);
  });

  it("refuses invalid bodies with one field error each, and creates nothing", async () => {
    const before = await rowCounts();
    await expectFieldErrors(await create({}), [{ field: "email" }, { field: "name" }]);
    const problem = await expectFieldErrors(
      await create({
        email: "not-an-address",
        name: "x".repeat(101),
        locale: "fr",
        time_zone: "Mars/Olympus",
        password: "hunter2",
      }),
      [{ field: "email" }, { field: "name" }, { field: "locale" }, { field: "time_zone" }, { field: "password" }],
    );
    expect(problem.errors!.find((error) => error.field === "time_zone")!.message).toBe(
      "Use an IANA time zone name, such as Europe/Madrid.",
    );
    expect(problem.errors!.find((error) => error.field === "password")!.message).toBe("Unknown field.");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an address that is already taken with a field error", async () => {
    await createUser({ email: "ada@example.com" });
    const before = await rowCounts();
    const problem = await expectFieldErrors(await create({ email: "ADA@example.com", name: "Ada" }), [
      { field: "email", code: "email_taken" },
    ]);
    expect(problem.detail).toBe("Invalid email.");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses unreadable bodies: not JSON (415), malformed JSON or not an object (400)", async () => {
    const form = await create("email=a%40example.com", { headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(ProblemSchema.parse(await form.json()).title).toBe("Unsupported media type");
    expect((await create("{not json")).status).toBe(400);
    expect((await create("[1, 2]")).status).toBe(400);
    expect((await create("x".repeat(70_000))).status).toBe(413);
    expect(await prisma.user.count()).toBe(1);
  });

  it("needs the users:write scope, which only people who may create and update users can grant", async () => {
    const reader = await keyFor({ roles: ["admin"], scopes: ["users:read"] });
    const refused = await create({ email: "ada@example.com", name: "Ada" }, { key: reader.key });
    expect(refused.status).toBe(403);
    expect(ProblemSchema.parse(await refused.json()).scope).toBe("users:write");
    await expect(keyFor({ roles: ["commercial"], scopes: ["users:write"] })).rejects.toMatchObject({
      code: "api-key.scope-not-allowed",
    });
  });

  it("lists the methods on OPTIONS and refuses others with 405", async () => {
    const options = await callApi(usersRoute, "/api/v1/users", { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("GET, HEAD, POST, OPTIONS");
    const deleted = await callApi(usersRoute, "/api/v1/users", { method: "DELETE", key });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("Allow")).toBe("GET, HEAD, POST, OPTIONS");
  });
});

describe("PATCH /api/v1/users/{userId}", () => {
  it("changes the properties sent, keeps the others, audits each change and returns the new ETag", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace", roles: ["blogger"] });
    const response = await patch(ada.id, { name: "Ada King", time_zone: "Europe/Madrid", locale: "es" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: ada.id,
      email: "ada@example.com",
      name: "Ada King",
      time_zone: "Europe/Madrid",
      locale: "es",
      status: "active",
      roles: ["blogger"],
    });
    expect((await read(ada.id)).headers.get("ETag")).toBe(response.headers.get("ETag"));
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.profile.update", entityId: ada.id } });
    expect(audit.after).toEqual({ name: "Ada King", timeZone: "Europe/Madrid", locale: "es" });

    const { sessionId } = await sessionCookie(ada.id);
    const deactivated = await patch(ada.id, { status: "deactivated" });
    expect((await deactivated.json()).status).toBe("deactivated");
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "user.deactivate", entityId: ada.id } })).toBe(1);
  });

  it("applies a change only while If-Match names the current ETag; 412 otherwise, with nothing changed", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    const etag = (await read(ada.id)).headers.get("ETag")!;
    const guarded = await patch(ada.id, { name: "Ada King" }, { "If-Match": etag });
    expect(guarded.status).toBe(200);
    const newTag = guarded.headers.get("ETag")!;
    expect(newTag).not.toBe(etag);

    for (const stale of [etag, `W/${newTag}`]) {
      const refused = await patch(ada.id, { name: "Lost Update", status: "deactivated" }, { "If-Match": stale });
      expect(refused.status).toBe(412);
      expect(ProblemSchema.parse(await refused.json()).detail).toContain(newTag);
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: ada.id }, select: { name: true, status: true } })).toEqual({
      name: "Ada King",
      status: "active",
    });
    expect((await patch(ada.id, { locale: "es" }, { "If-Match": "*" })).status).toBe(200);
    const malformed = await patch(ada.id, { locale: "en" }, { "If-Match": "no-quotes" });
    expect(malformed.status).toBe(400);
    expect(ProblemSchema.parse(await malformed.json()).errors).toEqual([
      { parameter: "If-Match", message: "Not a list of entity tags." },
    ]);
  });

  it("lets exactly one of two racing If-Match writes through", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    const etag = (await read(ada.id)).headers.get("ETag")!;
    const answers = await Promise.all([
      patch(ada.id, { name: "First" }, { "If-Match": etag }),
      patch(ada.id, { name: "Second" }, { "If-Match": etag }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const winner = await answers.find((answer) => answer.status === 200)!.json();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe(winner.name);
  });

  it("keeps both of two racing changes to different properties (no lost update without If-Match)", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    for (let round = 0; round < 3; round++) {
      await Promise.all([patch(ada.id, { name: `Name ${round}` }), patch(ada.id, { time_zone: `Etc/GMT-${round + 1}` })]);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: ada.id }, select: { name: true, timeZone: true } })).toEqual({
        name: `Name ${round}`,
        timeZone: `Etc/GMT-${round + 1}`,
      });
    }
  });

  it("refuses what the admin area refuses, as field errors, and bad bodies; 404 for unknown users", async () => {
    const before = await rowCounts();
    await expectFieldErrors(await patch(ownerId, { status: "deactivated", name: "Me" }), [
      { field: "status", code: "self_deactivate" },
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).name).toBe("Key Owner");
    await expectFieldErrors(await patch(ownerId, {}), [{ field: "(body)" }]);
    // `email` cannot be changed here; and nothing changeable was sent
    await expectFieldErrors(await patch(ownerId, { email: "new@example.com" }), [{ field: "email" }, { field: "(body)" }]);
    await expectFieldErrors(await patch(ownerId, { status: "banned" }), [{ field: "status" }]);
    expect(await rowCounts()).toEqual(before);
    const missing = await patch("nobody", { name: "Ghost" });
    expect(missing.status).toBe(404);
    expect(ProblemSchema.parse(await missing.json()).instance).toBe("/api/v1/users/nobody");
  });
});
