// The contract test: real requests against the real handlers, for the success and error answers
// of every operation, each checked against the served OpenAPI document — the status must be
// documented for that operation, the media type and every documented header present, and the
// body valid under the documented schema (JSON Schema 2020-12, formats checked, and no property
// the schema does not list: response schemas say `additionalProperties: false`).
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyRequestHash } from "~/domains/platform/api/idempotency";
import { prisma } from "~/infra/db.server";
import * as meRoute from "~/routes/api+/v1.me";
import * as openapiRoute from "~/routes/api+/v1.openapi[.json]";
import * as orderRoute from "~/routes/api+/v1.orders.$orderId";
import * as ordersRoute from "~/routes/api+/v1.orders._index";
import * as productRoute from "~/routes/api+/v1.products.$productId";
import * as productsRoute from "~/routes/api+/v1.products._index";
import * as userRoute from "~/routes/api+/v1.users.$userId";
import * as usersRoute from "~/routes/api+/v1.users._index";
import { createOrder, createProduct } from "../factories/commerce";
import { createUser } from "../factories/users";
import { resetDatabase } from "../setup/reset";
import { callApi, keyFor, type ApiRoute } from "./api-helpers";

const SCHEMA_URN = "urn:verso:schema:";
const NOT_ALWAYS_SENT = new Set(["Idempotent-Replayed"]);

let doc: OpenAPIObject;
let ajv: Ajv2020;
const exercised = new Set<string>();

function isRef(value: unknown): value is ReferenceObject {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** Point `#/components/schemas/X` references at the schemas registered with ajv. */
function linked<T>(value: T): T {
  if (Array.isArray(value)) return value.map(linked) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === "$ref" && typeof inner === "string" ? inner.replace("#/components/schemas/", SCHEMA_URN) : linked(inner),
      ]),
    ) as T;
  }
  return value;
}

function component<T>(value: T | ReferenceObject): T {
  if (!isRef(value)) return value;
  const [, , section, name] = value.$ref.split("/");
  return (doc.components as Record<string, Record<string, T>>)[section][name];
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: SchemaObject | ReferenceObject): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(linked(schema));
    validators.set(key, validate);
  }
  return validate;
}

/** The User schema as a sparse fieldset sends it: only `id` and `fields` are required. */
function sparseUser(fields: string[]): SchemaObject {
  const user = doc.components!.schemas!.User as SchemaObject;
  return { ...user, required: ["id", ...fields] };
}

type Expectation = { sparse?: { fields: string[]; list: boolean } };

/** Check one real answer against the operation `method path` of the document; returns the parsed body. */
async function conforms(method: string, path: string, response: Response, { sparse }: Expectation = {}) {
  const op = (doc.paths![path] as Record<string, OperationObject>)[method];
  expect(op, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  const status = String(response.status);
  const label = `${method.toUpperCase()} ${path} → ${status}`;
  const documented = op.responses?.[status] as ResponseObject | ReferenceObject | undefined;
  expect(documented, `${label} is a documented status`).toBeDefined();
  exercised.add(`${method} ${path} ${status}`);
  const spec = component<ResponseObject>(documented!);

  for (const header of Object.keys(spec.headers ?? {})) {
    if (!NOT_ALWAYS_SENT.has(header)) expect(response.headers.get(header), `${label} sends ${header}`).not.toBeNull();
  }
  const text = await response.text();
  const media = Object.entries(spec.content ?? {});
  if (media.length === 0) {
    expect(text, `${label} has no body`).toBe("");
    return null;
  }
  const contentType = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
  const entry = media.find(([type]) => type === contentType);
  expect(entry, `${label} answers a documented media type (got ${contentType})`).toBeDefined();
  const body: unknown = JSON.parse(text);
  let schema = entry![1].schema!;
  let key = `${label} ${contentType}`;
  if (sparse) {
    const item = sparseUser(sparse.fields);
    const list = doc.components!.schemas!.UserList as SchemaObject;
    schema = sparse.list ? { ...list, properties: { ...list.properties, data: { type: "array", items: item } } } : item;
    key += ` fields=${sparse.fields.join(",")}`;
  }
  const validate = validatorFor(key, schema);
  expect(validate(body) ? [] : validate.errors, `${label} body matches its schema`).toEqual([]);
  return body;
}

async function call(route: ApiRoute, method: string, path: string, url: string, options: Parameters<typeof callApi>[2] = {}) {
  return callApi(route, url, { ...options, method: method.toUpperCase() });
}

let adminKey: string;
let readerKey: string;
let meOnlyKey: string;
let adminKeyId: string;
let adminId: string;
let adaId: string;

beforeAll(async () => {
  await resetDatabase();
  const served = await openapiRoute.loader({
    request: new Request("http://localhost/api/v1/openapi.json"),
    params: {},
    context: { cspNonce: "n", requestId: "r", clientIp: "203.0.113.200" },
  });
  doc = (await served.json()) as OpenAPIObject;
  ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(["example"]);
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
    ajv.addSchema(linked(schema), `${SCHEMA_URN}${name}`);

  const admin = await keyFor({ roles: ["admin"], scopes: ["me:read", "users:read", "users:write"], email: "admin@example.com" });
  adminKey = admin.key;
  adminKeyId = admin.keyId;
  adminId = admin.user.id;
  readerKey = (await keyFor({ roles: ["admin"], scopes: ["users:read"] })).key;
  meOnlyKey = (await keyFor({ roles: ["user"], scopes: ["me:read"] })).key;
  adaId = (await createUser({ email: "ada@example.com", name: "Ada Lovelace", roles: ["blogger"] })).id;
});

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS api_contract_explode ON "User"`);
});

describe("the served OpenAPI document", () => {
  it("is a 3.1 document whose schemas compile under JSON Schema 2020-12 in strict mode", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const response = await call(openapiRoute, "get", "/api/v1/openapi.json", "/api/v1/openapi.json");
    await conforms("get", "/api/v1/openapi.json", response);
  });

  it("rejects a body with a property added or removed, so a drifting serializer fails here", async () => {
    const user = await (
      await call(userRoute, "get", "", `/api/v1/users/${adaId}`, { key: adminKey, params: { userId: adaId } })
    ).json();
    const validate = validatorFor("User (drift check)", { $ref: "#/components/schemas/User" });
    expect(validate(user)).toBe(true);
    expect(validate({ ...user, password_hash: "x" })).toBe(false);
    const { email: _email, ...withoutEmail } = user;
    expect(validate(withoutEmail)).toBe(false);
    expect(validate({ ...user, created_at: "yesterday" })).toBe(false);
    const problem = validatorFor("Problem (drift check)", { $ref: "#/components/schemas/Problem" });
    expect(problem({ type: "https://x.example/p", title: "t", status: 400, detail: "d", instance: "/", extra: 1 })).toBe(false);
  });
});

describe("GET /api/v1/me", () => {
  const path = "/api/v1/me";
  it("200, 304, 401, 403", async () => {
    const ok = await call(meRoute, "get", path, path, { key: meOnlyKey });
    const etag = ok.headers.get("ETag")!;
    await conforms("get", path, ok);
    await conforms("get", path, await call(meRoute, "get", path, path, { key: meOnlyKey, headers: { "If-None-Match": etag } }));
    await conforms("get", path, await call(meRoute, "get", path, path));
    await conforms("get", path, await call(meRoute, "get", path, path, { key: readerKey }));
  });

  it("429 once the client address is over its limit", async () => {
    let response: Response;
    do response = await call(meRoute, "get", path, path, { clientIp: "198.51.100.250" });
    while (response.status === 401);
    await conforms("get", path, response);
  });
});

describe("GET /api/v1/users", () => {
  const path = "/api/v1/users";
  it("200 (full and sparse, first and last page), 304, 422, 401, 403", async () => {
    const first = await call(usersRoute, "get", path, `${path}?limit=1`, { key: readerKey });
    const etag = first.headers.get("ETag")!;
    const page = (await conforms("get", path, first)) as { next_cursor: string };
    const last = await call(usersRoute, "get", path, `${path}?limit=100&cursor=${page.next_cursor}`, { key: readerKey });
    expect(((await conforms("get", path, last)) as { next_cursor: null }).next_cursor).toBeNull();
    await conforms(
      "get",
      path,
      await call(usersRoute, "get", path, `${path}?fields=email,roles&role=blogger`, { key: readerKey }),
      {
        sparse: { fields: ["email", "roles"], list: true },
      },
    );
    await conforms(
      "get",
      path,
      await call(usersRoute, "get", path, `${path}?limit=1`, { key: readerKey, headers: { "If-None-Match": etag } }),
    );
    await conforms("get", path, await call(usersRoute, "get", path, `${path}?limit=500&fields=nope`, { key: readerKey }));
    await conforms("get", path, await call(usersRoute, "get", path, path, { key: "vk_live_AAAAAAAA_" + "a".repeat(43) }));
    await conforms("get", path, await call(usersRoute, "get", path, path, { key: meOnlyKey }));
  });
});

describe("POST /api/v1/users", () => {
  const path = "/api/v1/users";
  const post = (body: unknown, headers: Record<string, string> = {}, key = adminKey) =>
    call(usersRoute, "post", path, path, { key, body, headers });

  it("201 and its replay, 422 (invalid, taken, key reused), 409, 400, 413, 415, 401, 403", async () => {
    const body = { email: "grace@example.com", name: "Grace Hopper", roles: ["user"] };
    await conforms("post", path, await post(body, { "Idempotency-Key": "contract-1" }));
    const replay = await post(body, { "Idempotency-Key": "contract-1" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    await conforms("post", path, replay);
    await conforms("post", path, await post({ ...body, name: "Other" }, { "Idempotency-Key": "contract-1" }));
    await conforms("post", path, await post({ email: "nope", locale: "xx", extra: true }));
    await conforms("post", path, await post(body));

    const pending = JSON.stringify({ email: "pending@example.com", name: "Pending" });
    await prisma.idempotencyRecord.create({
      data: {
        principal: `api-key:${adminKeyId}`,
        key: "contract-running",
        method: "POST",
        path,
        requestHash: idempotencyRequestHash({ method: "POST", path, body: pending }),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await conforms("post", path, await post(pending, { "Idempotency-Key": "contract-running" }));
    await conforms("post", path, await post("{oops"));
    await conforms("post", path, await post(JSON.stringify({ name: "x".repeat(70_000) })));
    await conforms("post", path, await post("name=x", { "Content-Type": "text/plain" }));
    await conforms("post", path, await call(usersRoute, "post", path, path, { body }));
    await conforms("post", path, await post(body, {}, readerKey));
  });

  it("500 as a problem when the database fails", async () => {
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION api_contract_explode() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated outage'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER api_contract_explode BEFORE INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION api_contract_explode()`,
    );
    try {
      await conforms("post", path, await post({ email: "boom@example.com", name: "Boom" }));
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS api_contract_explode ON "User"`);
    }
  });
});

describe("/api/v1/users/{userId}", () => {
  const path = "/api/v1/users/{userId}";
  const url = (id: string, query = "") => `/api/v1/users/${id}${query}`;

  it("GET: 200 (full and sparse), 304, 404, 422, 401, 403", async () => {
    const ok = await call(userRoute, "get", path, url(adaId), { key: readerKey, params: { userId: adaId } });
    const etag = ok.headers.get("ETag")!;
    await conforms("get", path, ok);
    await conforms(
      "get",
      path,
      await call(userRoute, "get", path, url(adaId, "?fields=name"), { key: readerKey, params: { userId: adaId } }),
      {
        sparse: { fields: ["name"], list: false },
      },
    );
    await conforms(
      "get",
      path,
      await call(userRoute, "get", path, url(adaId), {
        key: readerKey,
        params: { userId: adaId },
        headers: { "If-None-Match": etag },
      }),
    );
    await conforms(
      "get",
      path,
      await call(userRoute, "get", path, url("nobody"), { key: readerKey, params: { userId: "nobody" } }),
    );
    await conforms(
      "get",
      path,
      await call(userRoute, "get", path, url(adaId, "?fields=secret"), { key: readerKey, params: { userId: adaId } }),
    );
    await conforms("get", path, await call(userRoute, "get", path, url(adaId), { params: { userId: adaId } }));
    await conforms("get", path, await call(userRoute, "get", path, url(adaId), { key: meOnlyKey, params: { userId: adaId } }));
  });

  it("PATCH: 200 and its replay, 412, 404, 422, 400, 415, 409, 401, 403", async () => {
    const patch = (id: string, body: unknown, headers: Record<string, string> = {}, key = adminKey) =>
      call(userRoute, "patch", path, url(id), { key, body, headers, params: { userId: id } });
    const etag = (await call(userRoute, "get", path, url(adaId), { key: readerKey, params: { userId: adaId } })).headers.get(
      "ETag",
    )!;
    await conforms(
      "patch",
      path,
      await patch(adaId, { name: "Ada King" }, { "If-Match": etag, "Idempotency-Key": "contract-patch" }),
    );
    await conforms(
      "patch",
      path,
      await patch(adaId, { name: "Ada King" }, { "If-Match": etag, "Idempotency-Key": "contract-patch" }),
    );
    await conforms("patch", path, await patch(adaId, { name: "Too Late" }, { "If-Match": etag }));
    await conforms("patch", path, await patch("nobody", { name: "Ghost" }));
    await conforms("patch", path, await patch(adminId, { status: "deactivated" }));
    await conforms("patch", path, await patch(adaId, { email: "x@example.com" }));
    await conforms("patch", path, await patch(adaId, { name: "X" }, { "If-Match": "unquoted" }));
    await conforms("patch", path, await patch(adaId, "name=X", { "Content-Type": "application/x-www-form-urlencoded" }));
    const pending = JSON.stringify({ locale: "es" });
    await prisma.idempotencyRecord.create({
      data: {
        principal: `api-key:${adminKeyId}`,
        key: "contract-patch-running",
        method: "PATCH",
        path: url(adaId),
        requestHash: idempotencyRequestHash({ method: "PATCH", path: url(adaId), body: pending }),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await conforms("patch", path, await patch(adaId, pending, { "Idempotency-Key": "contract-patch-running" }));
    await conforms(
      "patch",
      path,
      await call(userRoute, "patch", path, url(adaId), { body: { name: "X" }, params: { userId: adaId } }),
    );
    await conforms("patch", path, await patch(adaId, { name: "X" }, {}, readerKey));
  });
});

describe("shop: /api/v1/products and /api/v1/orders", () => {
  let shopKey: string;
  let productId: string;
  let variantId: string;
  let orderId: string;
  beforeAll(async () => {
    shopKey = (await keyFor({ roles: ["admin"], scopes: ["products:read", "products:write", "orders:read", "orders:write"] }))
      .key;
    const product = await createProduct({ title: "Contract shirt", variants: [{ sku: "CONTRACT-1", price: 2500, stock: 5 }] });
    productId = product.id;
    variantId = product.variants[0].id;
    orderId = (await createOrder({ status: "paid", items: [{ variantId, quantity: 1 }] })).id;
  });

  it("products: list 200/304/422/401/403, create 201/422, get 200/404, patch 200/412/422", async () => {
    const list = "/api/v1/products";
    const first = await call(productsRoute, "get", list, `${list}?limit=1`, { key: shopKey });
    const etag = first.headers.get("ETag")!;
    await conforms("get", list, first);
    await conforms(
      "get",
      list,
      await call(productsRoute, "get", list, `${list}?limit=1`, { key: shopKey, headers: { "If-None-Match": etag } }),
    );
    await conforms("get", list, await call(productsRoute, "get", list, `${list}?status=gone`, { key: shopKey }));
    await conforms("get", list, await call(productsRoute, "get", list, list, {}));
    await conforms("get", list, await call(productsRoute, "get", list, list, { key: meOnlyKey }));
    const body = { title: "API mug", status: "active", variants: [{ sku: "API-MUG-1", price: 1200, stock_on_hand: 3 }] };
    await conforms("post", list, await call(productsRoute, "post", list, list, { key: shopKey, body }));
    await conforms(
      "post",
      list,
      await call(productsRoute, "post", list, list, { key: shopKey, body: { ...body, slug: "other" } }),
    );

    const one = "/api/v1/products/{productId}";
    const url = `/api/v1/products/${productId}`;
    const got = await call(productRoute, "get", one, url, { key: shopKey, params: { productId } });
    const productEtag = got.headers.get("ETag")!;
    await conforms("get", one, got);
    await conforms(
      "get",
      one,
      await call(productRoute, "get", one, "/api/v1/products/nope", { key: shopKey, params: { productId: "nope" } }),
    );
    const patch = (patchBody: unknown, headers: Record<string, string> = {}) =>
      call(productRoute, "patch", one, url, { key: shopKey, body: patchBody, headers, params: { productId } });
    await conforms("patch", one, await patch({ title: "Contract shirt v2" }, { "If-Match": productEtag }));
    await conforms("patch", one, await patch({ title: "Too late" }, { "If-Match": productEtag }));
    await conforms("patch", one, await patch({ price: 5 }));
  });

  it("orders: list 200/422/403, get 200/404, patch 200/422/412", async () => {
    const list = "/api/v1/orders";
    await conforms("get", list, await call(ordersRoute, "get", list, list, { key: shopKey }));
    await conforms("get", list, await call(ordersRoute, "get", list, `${list}?since=yesterday`, { key: shopKey }));
    await conforms("get", list, await call(ordersRoute, "get", list, list, { key: meOnlyKey }));

    const one = "/api/v1/orders/{orderId}";
    const url = `/api/v1/orders/${orderId}`;
    const got = await call(orderRoute, "get", one, url, { key: shopKey, params: { orderId } });
    const orderEtag = got.headers.get("ETag")!;
    await conforms("get", one, got);
    await conforms(
      "get",
      one,
      await call(orderRoute, "get", one, "/api/v1/orders/nope", { key: shopKey, params: { orderId: "nope" } }),
    );
    const patch = (patchBody: unknown, headers: Record<string, string> = {}) =>
      call(orderRoute, "patch", one, url, { key: shopKey, body: patchBody, headers, params: { orderId } });
    await conforms("patch", one, await patch({ status: "fulfilled" }));
    await conforms(
      "patch",
      one,
      await patch({ status: "fulfilled", carrier: "UPS", tracking_number: "1Z999AA10123456784" }, { "If-Match": orderEtag }),
    );
    await conforms("patch", one, await patch({ status: "delivered" }, { "If-Match": orderEtag }));
  });
});

describe("coverage", () => {
  it("exercised every documented operation with a success and an error", () => {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(item as object)) {
        const statuses = [...exercised]
          .filter((entry) => entry.startsWith(`${method} ${path} `))
          .map((entry) => entry.split(" ")[2]);
        expect(
          statuses.some((status) => status.startsWith("2")),
          `${method} ${path} success`,
        ).toBe(true);
        if (path !== "/api/v1/openapi.json") {
          expect(
            statuses.some((status) => status.startsWith("4")),
            `${method} ${path} error`,
          ).toBe(true);
        }
      }
    }
  });
});
