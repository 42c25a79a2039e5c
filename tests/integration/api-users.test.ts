// Reading /api/v1/users: cursor pages with no duplicates and no gaps, filters, sparse fields,
// parameter validation as 422 problems, one user by id (404 problem when unknown), and ETags
// with If-None-Match → 304 on every GET.
import { beforeEach, describe, expect, it } from "vitest";
import { ApiMeSchema } from "~/domains/platform/api/me-schema";
import { ProblemSchema } from "~/domains/platform/api/schemas";
import { ApiUserListSchema, ApiUserSchema } from "~/domains/platform/api/user-schemas";
import { prisma } from "~/infra/db.server";
import * as meRoute from "~/routes/api+/v1.me";
import * as userRoute from "~/routes/api+/v1.users.$userId";
import * as usersRoute from "~/routes/api+/v1.users._index";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { callApi, keyFor } from "./api-helpers";

let key: string;

const list = (query = "", headers: Record<string, string> = {}) => callApi(usersRoute, `/api/v1/users${query}`, { key, headers });
const one = (userId: string, query = "", headers: Record<string, string> = {}) =>
  callApi(userRoute, `/api/v1/users/${userId}${query}`, { key, headers, params: { userId } });

async function page(query: string) {
  const response = await list(query);
  expect(response.status).toBe(200);
  return ApiUserListSchema.parse(await response.json());
}

async function ageUser(email: string, createdAt: string) {
  await prisma.user.update({ where: { email }, data: { createdAt: new Date(createdAt) } });
}

describe("GET /api/v1/users", () => {
  beforeEach(async () => {
    await resetDatabase();
    ({ key } = await keyFor({ roles: ["admin"], scopes: ["users:read", "me:read"], email: "api-admin@example.com" }));
    await ageUser("api-admin@example.com", "2020-01-01T00:00:00Z");
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
      const current = await page(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      pageSizes.push(current.data.length);
      seen.push(...current.data.map((user) => user.id));
      cursor = current.next_cursor;
    } while (cursor);
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.map((user) => user.id));
  });

  it("filters by e-mail or name with q, case-insensitively", async () => {
    await createUser({ email: "grace@example.com", name: "Grace Hopper" });
    await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    await createUser({ email: "alan@example.com", name: "Alan HOPPER-Turing" });
    const hoppers = await page("?q=hopper");
    expect(hoppers.data.map((user) => user.email).sort()).toEqual(["alan@example.com", "grace@example.com"]);
    expect(hoppers.next_cursor).toBeNull();
    expect((await page("?q=ADA@")).data.map((user) => user.name)).toEqual(["Ada Lovelace"]);
  });

  it("filters by status, role and creation window, combined with AND and kept across cursor pages", async () => {
    await createUser({ email: "old-blogger@example.com", roles: ["blogger"] });
    await createUser({ email: "gone-blogger@example.com", roles: ["blogger"], status: "deactivated" });
    await createUser({ email: "new-blogger@example.com", roles: ["blogger"] });
    await createUser({ email: "new-user@example.com", roles: ["user"] });
    await createUser({ email: "newer-blogger@example.com", roles: ["blogger", "user"] });
    await ageUser("old-blogger@example.com", "2024-01-01T00:00:00Z");
    await ageUser("gone-blogger@example.com", "2024-06-01T00:00:00Z");
    await ageUser("new-blogger@example.com", "2024-06-02T00:00:00Z");
    await ageUser("new-user@example.com", "2024-06-03T00:00:00Z");
    await ageUser("newer-blogger@example.com", "2024-06-04T00:00:00Z");
    const emails = async (query: string) => (await page(query)).data.map((user) => user.email);

    expect(await emails("?status=deactivated")).toEqual(["gone-blogger@example.com"]);
    expect(await emails("?role=blogger&status=active")).toEqual([
      "newer-blogger@example.com",
      "new-blogger@example.com",
      "old-blogger@example.com",
    ]);
    expect(await emails("?created_after=2024-06-01T00:00:00Z&created_before=2024-06-04T00:00:00%2B00:00")).toEqual([
      "new-user@example.com",
      "new-blogger@example.com",
    ]);
    expect(await emails("?role=admin")).toEqual(["api-admin@example.com"]);
    expect(await emails("?role=commercial")).toEqual([]);

    const first = await page("?role=blogger&limit=2");
    expect(first.data.map((user) => user.email)).toEqual(["newer-blogger@example.com", "new-blogger@example.com"]);
    const second = await page(`?role=blogger&limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((user) => user.email)).toEqual(["gone-blogger@example.com", "old-blogger@example.com"]);
    expect(second.next_cursor).toBeNull();
  });

  it("answers only the asked-for fields (and id) with fields=, on lists and single users", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace", roles: ["blogger"] });
    const sparse = await list("?fields=email,roles&q=ada");
    expect(sparse.status).toBe(200);
    expect(await sparse.json()).toEqual({
      data: [{ id: ada.id, email: "ada@example.com", roles: ["blogger"] }],
      next_cursor: null,
    });
    const item = await one(ada.id, "?fields=name");
    expect(await item.json()).toEqual({ id: ada.id, name: "Ada Lovelace" });
  });

  it("refuses bad parameters with a 422 problem naming each, and never clamps the limit", async () => {
    for (const [query, parameter] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["status=banned", "status"],
      ["role=Not%20A%20Role", "role"],
      ["created_after=yesterday", "created_after"],
      ["created_before=2024-06-01T00:00:00", "created_before"],
      ["fields=email,password", "fields"],
      ["stauts=active", "stauts"],
    ]) {
      const response = await list(`?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      const problem = ProblemSchema.parse(await response.json());
      expect(problem.title).toBe("Validation failed");
      expect(problem.errors?.map((error) => error.parameter)).toEqual([parameter]);
      expect(response.headers.get("RateLimit-Remaining")).not.toBeNull();
    }
    const unknownField = ProblemSchema.parse(await (await list("?fields=email,password")).json());
    expect(unknownField.errors![0].message).toContain('"password"');
    expect((await one("whoever", "?fields=secret")).status).toBe(422);
  });

  it("serves one user by id and a 404 problem for an unknown id", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace", roles: ["blogger", "user"] });
    const found = await one(ada.id);
    expect(found.status).toBe(200);
    expect(ApiUserSchema.parse(await found.json())).toEqual({
      id: ada.id,
      email: "ada@example.com",
      name: "Ada Lovelace",
      status: "active",
      email_verified: true,
      locale: "en",
      time_zone: "UTC",
      roles: ["blogger", "user"],
      created_at: expect.stringMatching(/Z$/),
    });
    const missing = await one("nobody");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Type")).toBe("application/problem+json");
    expect(ProblemSchema.parse(await missing.json())).toMatchObject({
      status: 404,
      title: "Not found",
      instance: "/api/v1/users/nobody",
    });
  });
});

describe("ETag and If-None-Match on GET", () => {
  beforeEach(async () => {
    await resetDatabase();
    ({ key } = await keyFor({ roles: ["admin"], scopes: ["users:read", "me:read"], email: "api-admin@example.com" }));
  });

  it("answers 304 without a body while the representation is unchanged, and 200 with a new tag once it changes", async () => {
    const ada = await createUser({ email: "ada@example.com", name: "Ada Lovelace" });
    const fetchers: Array<[string, (headers?: Record<string, string>) => Promise<Response>]> = [
      ["me", (headers) => callApi(meRoute, "/api/v1/me", { key, headers })],
      ["list", (headers) => list("", headers)],
      ["item", (headers) => one(ada.id, "", headers)],
    ];
    const tags: Record<string, string> = {};
    for (const [name, fetcher] of fetchers) {
      const first = await fetcher();
      expect(first.status).toBe(200);
      expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
      const etag = first.headers.get("ETag")!;
      expect(etag, name).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect((await fetcher()).headers.get("ETag")).toBe(etag);
      for (const header of [etag, `W/${etag}`, `"something-else", ${etag}`]) {
        const cached = await fetcher({ "If-None-Match": header });
        expect(cached.status, `${name} ${header}`).toBe(304);
        expect(await cached.text()).toBe("");
        expect(cached.headers.get("ETag")).toBe(etag);
        expect(cached.headers.get("RateLimit-Remaining")).not.toBeNull();
      }
      expect((await fetcher({ "If-None-Match": '"stale"' })).status).toBe(200);
      tags[name] = etag;
    }

    // the key owner's name shows in /me and the list; Ada's name in the list and her record
    await prisma.user.update({ where: { id: ada.id }, data: { name: "Ada King" } });
    await prisma.user.update({ where: { email: "api-admin@example.com" }, data: { name: "Admin Renamed" } });
    for (const [name, fetcher] of fetchers) {
      const changed = await fetcher({ "If-None-Match": tags[name] });
      expect(changed.status, name).toBe(200);
      expect(changed.headers.get("ETag")).not.toBe(tags[name]);
    }
    expect(ApiMeSchema.parse(await (await fetchers[0][1]()).json()).user.name).toBe("Admin Renamed");
  });

  it("tags each sparse representation separately", async () => {
    const ada = await createUser({ email: "ada@example.com" });
    const full = (await one(ada.id)).headers.get("ETag")!;
    const sparse = await one(ada.id, "?fields=email");
    expect(sparse.headers.get("ETag")).not.toBe(full);
    expect((await one(ada.id, "?fields=email", { "If-None-Match": full })).status).toBe(200);
  });
});
