// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas the endpoints use
// to validate input and serialize output. /api/v1/openapi.json serves it; /api/docs renders it.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { API_SCOPES, SCOPE_REQUIREMENTS, type ApiScope } from "~/domains/identity/api-key-format";
import { PROBLEM_CONTENT_TYPE, PROBLEM_KINDS, PROBLEMS, type ProblemKind } from "./problem";
import { ApiMeSchema, ApiUserListSchema, ApiUserSchema, ListUsersQuerySchema, ProblemSchema, UserParamsSchema } from "./schemas";

export const SECURITY_SCHEME = "bearerAuth";

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "me:read": "Read the profile of the key's owner.",
  "users:read": "List and read user accounts.",
};

export type ScopeDoc = { name: ApiScope; description: string; requires: string | null };
export type ProblemDoc = { kind: ProblemKind; status: number; title: string; description: string };

const RATE_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

const ERROR_RESPONSES: Record<string, { name: string; kind: ProblemKind; extraHeaders?: Record<string, { $ref: string }> }> = {
  "400": { name: "InvalidRequest", kind: "invalid-request" },
  "401": {
    name: "Unauthorized",
    kind: "unauthorized",
    extraHeaders: { "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" } },
  },
  "403": {
    name: "InsufficientScope",
    kind: "insufficient-scope",
    extraHeaders: { "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" } },
  },
  "404": { name: "NotFound", kind: "not-found" },
  "429": {
    name: "TooManyRequests",
    kind: "rate-limited",
    extraHeaders: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
  },
};

function errors(...statuses: Array<keyof typeof ERROR_RESPONSES>) {
  return Object.fromEntries(
    statuses.map((status) => [status, { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` }]),
  );
}

function ok(description: string, schema: z.ZodTypeAny): ResponseConfig {
  return { description, headers: RATE_HEADERS, content: { "application/json": { schema } } };
}

function buildRegistry() {
  const registry = new OpenAPIRegistry();
  registry.register("User", ApiUserSchema);
  registry.register("Problem", ProblemSchema);
  registry.registerComponent("securitySchemes", SECURITY_SCHEME, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "vk_live_<id>_<secret>",
    description:
      "Create a key under Account → Security → API keys and send it as `Authorization: Bearer <key>`. Each endpoint lists the scope it needs.",
    "x-scopes": API_SCOPES.map((name): ScopeDoc => ({
      name,
      description: SCOPE_DESCRIPTIONS[name],
      requires: SCOPE_REQUIREMENTS[name],
    })),
  });
  const integer = (description: string) => ({ description, schema: { type: "integer" as const, minimum: 0 } });
  registry.registerComponent(
    "headers",
    "RateLimit-Limit",
    integer("Requests allowed per minute for this key (or client address)."),
  );
  registry.registerComponent("headers", "RateLimit-Remaining", integer("Requests left in the current window."));
  registry.registerComponent("headers", "RateLimit-Reset", integer("Seconds until the window resets."));
  registry.registerComponent("headers", "Retry-After", integer("Seconds to wait before retrying."));
  registry.registerComponent("headers", "WWW-Authenticate", {
    description: "The Bearer challenge (RFC 6750), with `error` and, on 403, the missing `scope`.",
    schema: { type: "string" },
  });
  for (const { name, kind, extraHeaders } of Object.values(ERROR_RESPONSES)) {
    registry.registerComponent("responses", name, {
      description: PROBLEMS[kind].description,
      headers: { ...RATE_HEADERS, ...extraHeaders },
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  }

  const secured = (scope: ApiScope) => [{ [SECURITY_SCHEME]: [scope] }];
  registry.registerPath({
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    tags: ["Me"],
    summary: "The key's owner",
    description: "The user who owns the API key, their roles, and the key itself.",
    security: secured("me:read"),
    responses: { "200": ok("The key's owner.", ApiMeSchema), ...errors("401", "403", "429") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/users",
    operationId: "listUsers",
    tags: ["Users"],
    summary: "List users",
    description:
      "Users, newest first, in pages. Pass the response's `next_cursor` as `cursor` to get the next page; it is `null` on the last one.",
    security: secured("users:read"),
    request: { query: ListUsersQuerySchema },
    responses: { "200": ok("One page of users.", ApiUserListSchema), ...errors("400", "401", "403", "429") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/users/{userId}",
    operationId: "getUser",
    tags: ["Users"],
    summary: "Get a user",
    description: "One user by `id`.",
    security: secured("users:read"),
    request: { params: UserParamsSchema },
    responses: { "200": ok("The user.", ApiUserSchema), ...errors("400", "401", "403", "404", "429") },
  });
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
      version: "1.0.0",
      description:
        "Read access to Verso over HTTPS with JSON. Authenticate with an API key; lists are paginated with opaque cursors; errors are RFC 9457 problem details (`application/problem+json`); every response carries `RateLimit-*` headers.",
    },
    servers: [{ url: origin }],
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: [
      { name: "Me", description: "The owner of the key." },
      { name: "Users", description: "User accounts." },
      { name: "Meta", description: "About the API itself." },
    ],
    "x-problems": PROBLEM_KINDS.map((kind): ProblemDoc => ({ kind, ...PROBLEMS[kind] })),
  });
  documents.set(origin, document);
  return document;
}

export type OpenApiDocument = ReturnType<typeof getOpenApiDocument>;
