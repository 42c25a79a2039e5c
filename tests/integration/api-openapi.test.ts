// The OpenAPI document: 3.1 shape, the endpoints, security scheme and error responses, and its
// users-list schema matches what the endpoint actually answers.
import { beforeEach, describe, expect, it } from "vitest";
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import { createApiKey } from "~/domains/identity/api-keys.server";
import { DEFAULT_ROLE_GRANTS } from "~/domains/identity/permissions";
import { describeApi } from "~/domains/platform/api/openapi-view";
import { ApiUserListSchema } from "~/domains/platform/api/user-schemas";
import { action as openapiAction, loader as openapiLoader } from "~/routes/api+/v1.openapi[.json]";
import { loader as usersLoader } from "~/routes/api+/v1.users._index";
import { createUser } from "../factories/users";
import { BASE, context } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

async function fetchDocument() {
  const response = await openapiLoader({ request: new Request(`${BASE}/api/v1/openapi.json`), params: {}, context: context() });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("application/json");
  expect(response.headers.get("RateLimit-Limit")).not.toBeNull();
  return (await response.json()) as OpenAPIObject;
}

/** The query parameters of GET /api/v1/users, in document order. */
const LIST_USERS_QUERY = ["limit", "cursor", "q", "status", "role", "created_after", "created_before", "fields"];

describe("GET /api/v1/openapi.json", () => {
  beforeEach(resetDatabase);

  it("is an OpenAPI 3.1 document with the endpoints, bearer security with scopes, and problem responses", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Verso API", version: expect.any(String) });
    expect(doc.servers?.[0]?.url).toBe(new URL(BASE).origin);
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/users", "/api/v1/users/{userId}"]),
    );
    expect(doc.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });

    const me = doc.paths!["/api/v1/me"].get as OperationObject;
    const list = doc.paths!["/api/v1/users"].get as Required<OperationObject>;
    const one = doc.paths!["/api/v1/users/{userId}"].get as Required<OperationObject>;
    expect(me.security).toEqual([{ bearerAuth: ["me:read"] }]);
    expect(list.security).toEqual([{ bearerAuth: ["users:read"] }]);
    expect(one.security).toEqual([{ bearerAuth: ["users:read"] }]);
    expect(Object.keys(list.responses)).toEqual(["200", "304", "401", "403", "422", "429", "500"]);
    expect(one.responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
    expect(list.parameters.map((p) => ("name" in p ? p.name : p.$ref))).toEqual([
      "#/components/parameters/IfNoneMatch",
      ...LIST_USERS_QUERY,
    ]);
    const unauthorized = doc.components!.responses!.Unauthorized as ResponseObject;
    expect(Object.keys(unauthorized.content ?? {})).toEqual(["application/problem+json"]);
    expect(Object.keys(unauthorized.headers ?? {})).toEqual(expect.arrayContaining(["RateLimit-Limit", "WWW-Authenticate"]));
    const problem = doc.components!.schemas!.Problem as SchemaObject;
    expect(problem.required).toEqual(["type", "title", "status", "detail", "instance"]);

    expect((list.responses["200"] as ResponseObject).content!["application/json"].schema).toEqual({
      $ref: "#/components/schemas/UserList",
    });
    const listSchema = (doc.components!.schemas!.UserList as SchemaObject).properties!;
    expect(Object.keys(listSchema)).toEqual(["data", "next_cursor"]);
    expect(listSchema.next_cursor).toMatchObject({ type: ["string", "null"] });
  });

  it("describes the users list with the schema its real response passes", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const { key } = await createApiKey({
      actorId: admin.id,
      actorPermissions: new Set(DEFAULT_ROLE_GRANTS.admin),
      owner: { id: admin.id },
      name: "Docs check",
      scopes: ["users:read"],
    });
    await createUser();
    const response = await usersLoader({
      request: new Request(`${BASE}/api/v1/users?limit=1`, { headers: { Authorization: `Bearer ${key}` } }),
      params: {},
      context: context(),
    });
    const body = await response.json();
    const parsed = ApiUserListSchema.parse(body);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.next_cursor).toEqual(expect.any(String));

    const doc = await fetchDocument();
    const userSchema = doc.components!.schemas!.User as SchemaObject;
    expect(Object.keys(body.data[0]).sort()).toEqual(Object.keys(userSchema.properties!).sort());
    expect([...userSchema.required!].sort()).toEqual(Object.keys(body.data[0]).sort());
  });

  it("turns into the docs page's model: endpoints with scopes, parameters, curl, schemas", async () => {
    const view = describeApi(await fetchDocument());
    const list = view.endpoints.find((endpoint) => endpoint.id === "listUsers")!;
    expect(list).toMatchObject({ method: "GET", path: "/api/v1/users", scope: "users:read" });
    expect(list.parameters.map((p) => p.name)).toEqual(["If-None-Match", ...LIST_USERS_QUERY]);
    const create = view.endpoints.find((endpoint) => endpoint.id === "createUser")!;
    expect(create).toMatchObject({ method: "POST", path: "/api/v1/users", scope: "users:write" });
    expect(create.parameters.map((p) => p.name)).toEqual(["Idempotency-Key"]);
    expect(create.curl).toContain("--request POST");
    expect(create.curl).toContain('--header "Idempotency-Key: $(uuidgen)"');
    expect(create.curl).toContain(`--data '{"email":"ada@example.com","name":"Ada Lovelace"`);
    expect(create.responses.map((r) => r.status)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "409", "413", "415", "422", "429", "500"]),
    );
    const update = view.endpoints.find((endpoint) => endpoint.id === "updateUser")!;
    expect(update.parameters.map((p) => p.name)).toEqual(["If-Match", "Idempotency-Key", "userId"]);
    expect(update.responses.map((r) => r.status)).toEqual(expect.arrayContaining(["200", "404", "412", "422"]));
    expect(list.curl).toContain('--header "Authorization: Bearer $VERSO_API_KEY"');
    expect(view.endpoints.find((endpoint) => endpoint.id === "getUser")!.curl).toContain(
      "/api/v1/users/cm9x1k2l30000abcd1234efgh",
    );
    expect(view.endpoints.find((endpoint) => endpoint.id === "getOpenApiDocument")!.scope).toBeNull();
    expect(view.scopes).toEqual([
      { name: "me:read", description: expect.any(String), requires: [] },
      { name: "users:read", description: expect.any(String), requires: ["read:user:any"] },
      { name: "users:write", description: expect.any(String), requires: ["read:user:any", "create:user:any", "update:user:any"] },
      { name: "products:read", description: expect.any(String), requires: ["read:shop:any"] },
      { name: "products:write", description: expect.any(String), requires: ["read:shop:any", "update:shop:any"] },
      { name: "orders:read", description: expect.any(String), requires: ["read:order:any"] },
      { name: "orders:write", description: expect.any(String), requires: ["read:order:any", "update:order:any"] },
    ]);
    expect(view.problems.map((problem) => problem.kind)).toContain("insufficient-scope");
    expect(view.schemas.find((schema) => schema.name === "Me")!.properties.map((p) => p.name)).toContain("api_key.scopes");
  });

  it("answers other methods with 405", async () => {
    const response = await openapiAction({
      request: new Request(`${BASE}/api/v1/openapi.json`, { method: "PUT" }),
      params: {},
      context: context(),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("documents every route file under api+/v1, every method it answers, and each operation's scope", async () => {
    const doc = await fetchDocument();
    const routeFiles = Object.keys(import.meta.glob("/app/routes/api+/v1.*.ts"));
    const pathOf = (file: string) =>
      "/api/" +
      file
        .replace("/app/routes/api+/", "")
        .replace(/\.ts$/, "")
        // remix-flat-routes: `[.json]` is a literal, `.` separates segments, `$x` is a parameter
        .replace(/\[([^\]]*)\]/g, (_match, literal: string) => literal.replaceAll(".", "\u0000"))
        .replace(/\._index$/, "")
        .split(".")
        .map((segment) => segment.replaceAll("\u0000", "."))
        .map((segment) => (segment.startsWith("$") ? `{${segment.slice(1)}}` : segment))
        .join("/");
    const documented = routeFiles.filter((file) => !file.endsWith("/v1.$.ts")).map(pathOf);
    expect(documented.sort()).toEqual(
      [
        "/api/v1/me",
        "/api/v1/openapi.json",
        "/api/v1/users",
        "/api/v1/users/{userId}",
        "/api/v1/products",
        "/api/v1/products/{productId}",
        "/api/v1/orders",
        "/api/v1/orders/{orderId}",
      ].sort(),
    );
    for (const path of documented) expect(Object.keys(doc.paths ?? {}), path).toContain(path);
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(documented.sort());

    // every method a route module answers (anything but 405) is in the document, and nothing more
    const modules = import.meta.glob<{ action?: (args: unknown) => Promise<Response> }>("/app/routes/api+/v1.*.ts", {
      eager: true,
    });
    for (const [file, mod] of Object.entries(modules)) {
      if (file.endsWith("/v1.$.ts")) continue;
      const path = pathOf(file);
      const item = doc.paths![path] as Record<string, OperationObject>;
      for (const method of ["post", "put", "patch", "delete"]) {
        const url = `${BASE}${path.replace(/\{[^}]+\}/g, "someone")}`;
        const response = await mod.action!({
          request: new Request(url, { method: method.toUpperCase() }),
          params: { userId: "someone", productId: "someone", orderId: "someone" },
          context: context(),
        });
        expect(response.status !== 405, `${method.toUpperCase()} ${path}`).toBe(Boolean(item[method]));
      }
      expect(item.get, `GET ${path}`).toBeDefined();
    }

    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, OperationObject>)) {
        const scopes = (op.security ?? []).flatMap((requirement) => Object.values(requirement).flat());
        if (path === "/api/v1/openapi.json") {
          expect(op.security).toEqual([]);
          continue;
        }
        expect(scopes, `${method} ${path}`).toHaveLength(1);
        expect(op["x-required-scope"], `${method} ${path}`).toBe(scopes[0]);
        expect(op.description).toContain(`Requires the scope \`${scopes[0]}\`.`);
        expect(Object.keys(op.responses ?? {})).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
      }
    }
  });
});
