// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas the endpoints use
// to validate input and serialize output. /api/v1/openapi.json serves it; /api/docs renders it.
// Every operation names its scope twice: in `security` (bearerAuth: [scope]) and in
// `x-required-scope`; `tests/integration/api-openapi.test.ts` checks every route file is here.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { API_SCOPES, SCOPE_REQUIREMENTS, type ApiScope } from "~/domains/identity/api-key-format";
import { ApiMeSchema } from "./me-schema";
import {
  CREATED_HEADERS,
  errors,
  jsonResponse,
  KEYED_ERRORS,
  NOT_MODIFIED,
  PARAMETERS,
  RATE_HEADERS,
  registerComponents,
  WRITE_ERRORS,
  WRITE_HEADERS,
} from "./openapi-components";
import { registerShopPaths, registerShopSchemas, SHOP_TAGS } from "./openapi-shop";
import { PROBLEM_KINDS, PROBLEMS, type ProblemKind } from "./problem";
import { ProblemSchema } from "./schemas";
import {
  ApiUserListSchema,
  ApiUserSchema,
  CreateUserBodySchema,
  GetUserQuerySchema,
  ListUsersQuerySchema,
  UpdateUserBodySchema,
  UserParamsSchema,
} from "./user-schemas";

export const SECURITY_SCHEME = "bearerAuth";

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "me:read": "Read the profile of the key's owner.",
  "users:read": "List and read user accounts.",
  "users:write": "Create user accounts and change their name, language, time zone and status.",
  "products:read": "List and read shop products with their variants, prices and stock (any status).",
  "products:write": "Create shop products and change them (details, variants, prices, stock).",
  "orders:read": "List and read shop orders with their items, totals and refunds.",
  "orders:write": "Record the fulfilment of orders (carrier, tracking number) and their delivery.",
};

export type ScopeDoc = { name: ApiScope; description: string; requires: string[] };
export type ProblemDoc = { kind: ProblemKind; status: number; title: string; description: string };

/** An operation that needs a key with `scope`. */
function secured(scope: ApiScope, route: RouteConfig): RouteConfig {
  return {
    ...route,
    description: `${route.description ?? ""}\n\nRequires the scope \`${scope}\`.`.trim(),
    security: [{ [SECURITY_SCHEME]: [scope] }],
    "x-required-scope": scope,
  };
}

function registerPaths(registry: OpenAPIRegistry) {
  registry.registerPath(
    secured("me:read", {
      method: "get",
      path: "/api/v1/me",
      operationId: "getMe",
      tags: ["Me"],
      summary: "The key's owner",
      description: "The user who owns the API key, their roles, and the key itself.",
      parameters: [PARAMETERS.ifNoneMatch],
      responses: { "200": jsonResponse("The key's owner.", ApiMeSchema), ...NOT_MODIFIED, ...errors(...KEYED_ERRORS) },
    }),
  );
  registry.registerPath(
    secured("users:read", {
      method: "get",
      path: "/api/v1/users",
      operationId: "listUsers",
      tags: ["Users"],
      summary: "List users",
      description:
        "Users, newest first, in pages. Pass the response's `next_cursor` as `cursor` (with the same filters) to get the next page; it is `null` on the last one. Filters combine with AND. Unknown query parameters are a 422.",
      request: { query: ListUsersQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("One page of users (with `fields`, each holds only those properties and `id`).", ApiUserListSchema),
        ...NOT_MODIFIED,
        ...errors("422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("users:write", {
      method: "post",
      path: "/api/v1/users",
      operationId: "createUser",
      tags: ["Users"],
      summary: "Create a user",
      description:
        "Creates an account with the admin area's rules: unique e-mail address, only roles the key's owner may grant. Send an `Idempotency-Key` so a retry after a network error cannot create the account twice.",
      parameters: [PARAMETERS.idempotencyKey],
      request: { body: { required: true, content: { "application/json": { schema: CreateUserBodySchema } } } },
      responses: {
        "201": jsonResponse("The created user; `Location` is its URL.", ApiUserSchema, CREATED_HEADERS),
        ...errors(...WRITE_ERRORS, ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("users:read", {
      method: "get",
      path: "/api/v1/users/{userId}",
      operationId: "getUser",
      tags: ["Users"],
      summary: "Get a user",
      description: "One user by `id`.",
      request: { params: UserParamsSchema, query: GetUserQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("The user (with `fields`, only those properties and `id`).", ApiUserSchema),
        ...NOT_MODIFIED,
        ...errors("404", "422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("users:write", {
      method: "patch",
      path: "/api/v1/users/{userId}",
      operationId: "updateUser",
      tags: ["Users"],
      summary: "Change a user",
      description:
        "Changes the properties sent and keeps the others. Deactivating signs the person out everywhere; you cannot deactivate yourself or the last active admin (422 on `status`). Send `If-Match` with the user's `ETag` to change it only if nobody else did meanwhile.",
      parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      request: {
        params: UserParamsSchema,
        body: { required: true, content: { "application/json": { schema: UpdateUserBodySchema } } },
      },
      responses: {
        "200": jsonResponse("The user after the change.", ApiUserSchema, WRITE_HEADERS),
        ...errors("404", "412", ...WRITE_ERRORS, ...KEYED_ERRORS),
      },
    }),
  );
  registerShopPaths(registry, secured);
  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tags: ["Meta"],
    summary: "This document",
    description: "The OpenAPI 3.1 description of the API. No key needed.",
    security: [],
    responses: {
      "200": {
        description: "The OpenAPI document.",
        headers: RATE_HEADERS,
        content: { "application/json": { schema: { type: "object" } } },
      },
      ...errors("429"),
    },
  });
}

function buildRegistry() {
  const registry = new OpenAPIRegistry();
  registry.register("User", ApiUserSchema);
  registry.register("Problem", ProblemSchema);
  registerShopSchemas(registry);
  registry.registerComponent("securitySchemes", SECURITY_SCHEME, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "vk_live_<id>_<secret>",
    description:
      "Create a key under Account → Security → API keys and send it as `Authorization: Bearer <key>`. Each endpoint lists the scope it needs.",
    "x-scopes": API_SCOPES.map((name): ScopeDoc => ({
      name,
      description: SCOPE_DESCRIPTIONS[name],
      requires: [...SCOPE_REQUIREMENTS[name]],
    })),
  });
  registerComponents(registry);
  registerPaths(registry);
  return registry;
}

const documents = new Map<string, ReturnType<OpenApiGeneratorV31["generateDocument"]>>();

/** The document for the site at `origin` (memoized: it only depends on the code and the origin). */
export function getOpenApiDocument(origin: string) {
  const cached = documents.get(origin);
  if (cached) return cached;
  const document = new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Verso API",
      version: "1.1.0",
      description:
        "Verso over HTTPS with JSON. Authenticate with an API key; lists are paginated with opaque cursors and can be filtered; `fields` asks for fewer properties; reads carry an `ETag` (send `If-None-Match` for a 304); writes honour `Idempotency-Key` and `If-Match`; errors are RFC 9457 problem details (`application/problem+json`); every response carries `RateLimit-*` headers.",
    },
    servers: [{ url: origin }],
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: [
      { name: "Me", description: "The owner of the key." },
      { name: "Users", description: "User accounts." },
      ...SHOP_TAGS,
      { name: "Meta", description: "About the API itself." },
    ],
    "x-problems": PROBLEM_KINDS.map((kind): ProblemDoc => ({ kind, ...PROBLEMS[kind] })),
  });
  documents.set(origin, document);
  return document;
}

export type OpenApiDocument = ReturnType<typeof getOpenApiDocument>;
