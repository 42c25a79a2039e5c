// Idempotency-Key on API writes: a retry gets the first answer (Idempotent-Replayed: true) and
// changes nothing more; parallel requests with one key make exactly one change; a key reused for
// a different request is a 422; a request still running is a 409; 5xx answers are not kept.
import { beforeEach, describe, expect, it } from "vitest";
import { idempotencyRequestHash, IDEMPOTENCY_TTL_MS } from "~/domains/platform/api/idempotency";
import { ProblemSchema } from "~/domains/platform/api/schemas";
import { prisma } from "~/infra/db.server";
import * as userRoute from "~/routes/api+/v1.users.$userId";
import * as usersRoute from "~/routes/api+/v1.users._index";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { callApi, keyFor } from "./api-helpers";

let key: string;
let keyId: string;

const create = (body: unknown, idempotencyKey?: string, apiKey = key) =>
  callApi(usersRoute, "/api/v1/users", {
    method: "POST",
    key: apiKey,
    body,
    headers: idempotencyKey === undefined ? {} : { "Idempotency-Key": idempotencyKey },
  });
const patch = (userId: string, body: unknown, idempotencyKey: string) =>
  callApi(userRoute, `/api/v1/users/${userId}`, {
    method: "PATCH",
    key,
    body,
    params: { userId },
    headers: { "Idempotency-Key": idempotencyKey },
  });

async function snapshot(response: Response) {
  return {
    status: response.status,
    body: await response.text(),
    location: response.headers.get("Location"),
    etag: response.headers.get("ETag"),
    contentType: response.headers.get("Content-Type"),
  };
}

const countAda = () => prisma.user.count({ where: { email: "ada@example.com" } });

beforeEach(async () => {
  await resetDatabase();
  ({ key, keyId } = await keyFor({ roles: ["admin"], scopes: ["users:read", "users:write"] }));
});

describe("Idempotency-Key", () => {
  it("replays the first answer to a retry with the same key and body, for 24 hours, without a second change", async () => {
    const body = { email: "ada@example.com", name: "Ada Lovelace" };
    const first = await create(body, "retry-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    const original = await snapshot(first);

    // the same JSON with its keys in another order is the same request
    const retry = await create({ name: "Ada Lovelace", email: "ada@example.com" }, "retry-1");
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.headers.get("RateLimit-Remaining")).not.toBeNull();
    expect(await snapshot(retry)).toEqual(original);
    expect(await countAda()).toBe(1);

    const record = await prisma.idempotencyRecord.findFirstOrThrow({ where: { key: "retry-1" } });
    expect(record).toMatchObject({ principal: `api-key:${keyId}`, method: "POST", path: "/api/v1/users", responseStatus: 201 });
    expect(Math.abs(record.expiresAt.getTime() - Date.now() - IDEMPOTENCY_TTL_MS)).toBeLessThan(60_000);

    // without a key the same body is a new request, refused because the address is now taken
    expect((await create(body)).status).toBe(422);
  });

  it("replays refusals too: a stored 422 stays the answer for that key", async () => {
    await createUser({ email: "ada@example.com" });
    const first = await create({ email: "ada@example.com", name: "Ada" }, "taken-1");
    expect(first.status).toBe(422);
    const original = await snapshot(first);
    await prisma.user.delete({ where: { email: "ada@example.com" } });
    const retry = await create({ email: "ada@example.com", name: "Ada" }, "taken-1");
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await snapshot(retry)).toEqual(original);
    expect(await countAda()).toBe(0);
  });

  it("creates exactly one user when the same request races itself", async () => {
    const body = { email: "ada@example.com", name: "Ada Lovelace" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(body, "race-1")));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((answer) => answer.status === 201 && !answer.headers.get("Idempotent-Replayed"))).toHaveLength(1);
    const created = await Promise.all(answers.filter((answer) => answer.status === 201).map((answer) => answer.json()));
    expect(new Set(created.map((user) => user.id)).size).toBe(1);
    for (const busy of answers.filter((answer) => answer.status === 409)) {
      expect(ProblemSchema.parse(await busy.json()).title).toBe("Request in progress");
      expect(Number(busy.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    }
    expect(await countAda()).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "user.create" } })).toBe(1);
    // once the first has finished, everyone gets its answer
    expect((await create(body, "race-1")).headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("answers 409 while a request with the key is still running", async () => {
    const body = JSON.stringify({ email: "ada@example.com", name: "Ada" });
    await prisma.idempotencyRecord.create({
      data: {
        principal: `api-key:${keyId}`,
        key: "running-1",
        method: "POST",
        path: "/api/v1/users",
        requestHash: idempotencyRequestHash({ method: "POST", path: "/api/v1/users", body }),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const busy = await create(body, "running-1");
    expect(busy.status).toBe(409);
    expect(busy.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await countAda()).toBe(0);

    // a claim whose request died (its lease ran out) frees the key
    await prisma.idempotencyRecord.updateMany({ where: { key: "running-1" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await create(body, "running-1")).status).toBe(201);
  });

  it("refuses the same key on a different body, method or path with 422, changing nothing", async () => {
    const ada = await create({ email: "ada@example.com", name: "Ada" }, "reuse-1");
    expect(ada.status).toBe(201);
    const { id } = await ada.json();
    const otherBody = await create({ email: "grace@example.com", name: "Grace" }, "reuse-1");
    expect(otherBody.status).toBe(422);
    const problem = ProblemSchema.parse(await otherBody.json());
    expect(problem.title).toBe("Idempotency key reused");
    expect(problem.detail).toContain("POST /api/v1/users");
    const otherPath = await patch(id, { name: "Ada King" }, "reuse-1");
    expect(otherPath.status).toBe(422);
    expect(await prisma.user.count({ where: { email: "grace@example.com" } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).name).toBe("Ada");
  });

  it("keeps keys apart per API key", async () => {
    const other = await keyFor({ roles: ["admin"], scopes: ["users:write"] });
    expect((await create({ email: "ada@example.com", name: "Ada" }, "shared")).status).toBe(201);
    const second = await create({ email: "grace@example.com", name: "Grace" }, "shared", other.key);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("does not keep server errors: the same key can be retried once the fault is gone", async () => {
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION api_test_explode() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated outage'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER api_test_explode BEFORE INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION api_test_explode()`,
    );
    try {
      const failed = await create({ email: "ada@example.com", name: "Ada" }, "outage-1");
      expect(failed.status).toBe(500);
      expect(await prisma.idempotencyRecord.count({ where: { key: "outage-1" } })).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS api_test_explode ON "User"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS api_test_explode()`);
    }
    const retried = await create({ email: "ada@example.com", name: "Ada" }, "outage-1");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await countAda()).toBe(1);
  });

  it("does not keep a 412: the same key works once the client sends the current ETag", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada" });
    const conditional = (ifMatch: string) =>
      callApi(userRoute, `/api/v1/users/${ada.id}`, {
        method: "PATCH",
        key,
        body: { name: "Ada King" },
        params: { userId: ada.id },
        headers: { "Idempotency-Key": "rename-ada", "If-Match": ifMatch },
      });
    expect((await conditional('"stale"')).status).toBe(412);
    const current = await callApi(userRoute, `/api/v1/users/${ada.id}`, { key, params: { userId: ada.id } });
    const renamed = await conditional(current.headers.get("ETag")!);
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get("Idempotent-Replayed")).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe("Ada King");
  });

  it("runs a request again once its stored answer has expired", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada" });
    expect((await patch(ada.id, { name: "Ada King" }, "expiry-1")).status).toBe(200);
    await prisma.user.update({ where: { id: ada.id }, data: { name: "Changed Elsewhere" } });
    const replayed = await patch(ada.id, { name: "Ada King" }, "expiry-1");
    expect(replayed.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe("Changed Elsewhere");

    await prisma.idempotencyRecord.updateMany({ where: { key: "expiry-1" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const rerun = await patch(ada.id, { name: "Ada King" }, "expiry-1");
    expect(rerun.headers.get("Idempotent-Replayed")).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ada.id } })).name).toBe("Ada King");
  });

  it("refuses malformed keys with 400 before doing anything", async () => {
    for (const bad of ["", "k".repeat(256), "clé"]) {
      const response = await create({ email: "ada@example.com", name: "Ada" }, bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(ProblemSchema.parse(await response.json()).errors).toEqual([
        { parameter: "Idempotency-Key", message: expect.stringContaining("1–255 printable ASCII") },
      ]);
    }
    expect(await countAda()).toBe(0);
  });
});
