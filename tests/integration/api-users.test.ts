// /api/v1/users: cursor pages with no duplicates and no gaps, the `q` filter, parameter
// validation as 400 problems, and one user by id (404 problem when unknown).
import { beforeEach, describe, expect, it } from "vitest";
import { createApiKey } from "~/domains/identity/api-keys.server";
import { DEFAULT_ROLE_GRANTS } from "~/domains/identity/permissions";
import { ApiUserListSchema, ApiUserSchema, ProblemSchema } from "~/domains/platform/api/schemas";
import { prisma } from "~/infra/db.server";
import { loader as userLoader } from "~/routes/api+/v1.users.$userId";
import { loader as usersLoader } from "~/routes/api+/v1.users._index";
import { createUser } from "../factories/users";
import { BASE, context } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

let key: string;

function get(path: string, params: Record<string, string> = {}, loader = usersLoader) {
  const request = new Request(`${BASE}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  return loader({ request, params, context: context() });
}

describe("GET /api/v1/users", () => {
  beforeEach(async () => {
    await resetDatabase();
    const admin = await createUser({ roles: ["admin"], email: "api-admin@example.com", name: "Api Admin" });
    const created = await createApiKey({
      actorId: admin.id,
      actorPermissions: new Set(DEFAULT_ROLE_GRANTS.admin),
      owner: { id: admin.id },
      name: "Directory sync",
      scopes: ["users:read"],
    });
    key = created.key;
  });

  it("walks every user exactly once through cursor pages, newest first", async () => {
    const base = Date.now() - 60_000;
    for (let i = 0; i < 7; i++) {
      const user = await createUser({ email: `person-${i}@example.com`, name: `Person ${i}` });
      // two pairs share a timestamp, so the id tie-break is exercised
      await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date(base + Math.floor(i / 2) * 1000) } });
    }
    const all = await prisma.user.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(all).toHaveLength(8);

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(`/api/v1/users?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.status).toBe(200);
      const page = ApiUserListSchema.parse(await response.json());
      pageSizes.push(page.data.length);
      seen.push(...page.data.map((user) => user.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.map((user) => user.id));
  });

  it("filters by e-mail or name with q, case-insensitively", async () => {
    await createUser({ email: "grace@example.com", name: "Grace Hopper" });
    await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    await createUser({ email: "alan@example.com", name: "Alan HOPPER-Turing" });
    const page = ApiUserListSchema.parse(await (await get("/api/v1/users?q=hopper")).json());
    expect(page.data.map((user) => user.email).sort()).toEqual(["alan@example.com", "grace@example.com"]);
    expect(page.next_cursor).toBeNull();
    const byEmail = ApiUserListSchema.parse(await (await get("/api/v1/users?q=ADA@")).json());
    expect(byEmail.data.map((user) => user.name)).toEqual(["Ada Lovelace"]);
  });

  it("refuses a bad limit or a forged cursor with a 400 problem naming the parameter", async () => {
    for (const [query, parameter] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
    ]) {
      const response = await get(`/api/v1/users?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      const problem = ProblemSchema.parse(await response.json());
      expect(problem.errors?.map((error) => error.parameter)).toEqual([parameter]);
      expect(response.headers.get("RateLimit-Remaining")).not.toBeNull();
    }
  });

  it("serves one user by id and a 404 problem for an unknown id", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    const found = await get(`/api/v1/users/${ada.id}`, { userId: ada.id }, userLoader);
    expect(found.status).toBe(200);
    expect(ApiUserSchema.parse(await found.json())).toMatchObject({ id: ada.id, email: "ada@example.com", email_verified: true });
    const missing = await get("/api/v1/users/nobody", { userId: "nobody" }, userLoader);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toBe("application/problem+json");
    expect(ProblemSchema.parse(await missing.json())).toMatchObject({
      status: 404,
      title: "Not found",
      instance: "/api/v1/users/nobody",
    });
  });
});
