// The reusable parts of the OpenAPI document: response headers, header parameters, and one
// response per problem kind (all problem+json with the Problem schema).
import type { OpenAPIRegistry, ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { IDEMPOTENCY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH, REPLAYED_HEADER } from "./idempotency";
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemKind } from "./problem";

const ref = (section: "headers" | "parameters" | "responses", name: string) => ({ $ref: `#/components/${section}/${name}` });

export const RATE_HEADERS = {
  "RateLimit-Limit": ref("headers", "RateLimit-Limit"),
  "RateLimit-Remaining": ref("headers", "RateLimit-Remaining"),
  "RateLimit-Reset": ref("headers", "RateLimit-Reset"),
};

/** Status → the component response that documents it (`kinds`: the problem kinds it can carry). */
const ERROR_RESPONSES = {
  "400": { name: "InvalidRequest", kinds: ["invalid-request"] },
  "401": { name: "Unauthorized", kinds: ["unauthorized"], headers: ["WWW-Authenticate"] },
  "403": { name: "InsufficientScope", kinds: ["insufficient-scope"], headers: ["WWW-Authenticate"] },
  "404": { name: "NotFound", kinds: ["not-found"] },
  "409": { name: "IdempotencyInProgress", kinds: ["idempotency-in-progress"], headers: ["Retry-After"] },
  "412": { name: "PreconditionFailed", kinds: ["precondition-failed"] },
  "413": { name: "PayloadTooLarge", kinds: ["payload-too-large"] },
  "415": { name: "UnsupportedMediaType", kinds: ["unsupported-media-type"] },
  "422": { name: "Unprocessable", kinds: ["validation-failed", "idempotency-key-reused"] },
  "429": { name: "TooManyRequests", kinds: ["rate-limited"], headers: ["Retry-After"] },
  "500": { name: "InternalError", kinds: ["internal"] },
} as const satisfies Record<string, { name: string; kinds: readonly ProblemKind[]; headers?: readonly string[] }>;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/** References to the error responses of `statuses` (500 is added to every operation). */
export function errors(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    [...statuses, "500" as const].map((status) => [status, ref("responses", ERROR_RESPONSES[status].name)]),
  );
}

/** The error statuses every operation that needs a key can answer. */
export const KEYED_ERRORS: ErrorStatus[] = ["401", "403", "429"];
/** …and those every write can answer on top (bad body, idempotency). */
export const WRITE_ERRORS: ErrorStatus[] = ["400", "409", "413", "415", "422"];

export const PARAMETERS = {
  idempotencyKey: ref("parameters", "IdempotencyKey"),
  ifNoneMatch: ref("parameters", "IfNoneMatch"),
  ifMatch: ref("parameters", "IfMatch"),
};

export const NOT_MODIFIED = { "304": ref("responses", "NotModified") };

type Headers = Record<string, { $ref: string }>;

/** A JSON answer with its headers (rate limits and ETag always; more when given). */
export function jsonResponse(description: string, schema: z.ZodTypeAny, extraHeaders: Headers = {}): ResponseConfig {
  return {
    description,
    headers: { ...RATE_HEADERS, ETag: ref("headers", "ETag"), ...extraHeaders },
    content: { "application/json": { schema } },
  };
}

export const WRITE_HEADERS: Headers = { [REPLAYED_HEADER]: ref("headers", REPLAYED_HEADER) };
export const CREATED_HEADERS: Headers = { Location: ref("headers", "Location"), ...WRITE_HEADERS };

export function registerComponents(registry: OpenAPIRegistry) {
  const integer = (description: string) => ({ description, schema: { type: "integer" as const, minimum: 0 } });
  const text = (description: string) => ({ description, schema: { type: "string" as const } });
  registry.registerComponent(
    "headers",
    "RateLimit-Limit",
    integer("Requests allowed per minute for this key (or client address)."),
  );
  registry.registerComponent("headers", "RateLimit-Remaining", integer("Requests left in the current window."));
  registry.registerComponent("headers", "RateLimit-Reset", integer("Seconds until the window resets."));
  registry.registerComponent("headers", "Retry-After", integer("Seconds to wait before retrying."));
  registry.registerComponent(
    "headers",
    "WWW-Authenticate",
    text("The Bearer challenge (RFC 6750), with `error` and, on 403, the missing `scope`."),
  );
  registry.registerComponent(
    "headers",
    "ETag",
    text("Strong entity tag of this representation. Send it back in `If-None-Match` (reads) or `If-Match` (writes)."),
  );
  registry.registerComponent("headers", "Location", text("The path of the created record."));
  registry.registerComponent("headers", REPLAYED_HEADER, {
    description: `\`true\` when this is the stored answer to an earlier request with the same \`${IDEMPOTENCY_HEADER}\`.`,
    schema: { type: "string", enum: ["true"] },
  });

  registry.registerComponent("parameters", "IdempotencyKey", {
    name: IDEMPOTENCY_HEADER,
    in: "header",
    required: false,
    description: `A unique key per intended change (a UUID). Retrying with the same key and the same request returns the first answer (header \`${REPLAYED_HEADER}: true\`) for 24 hours instead of repeating the change; a different request with the same key is a 422; a retry while the first is still running is a 409.`,
    schema: {
      type: "string",
      minLength: 1,
      maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
      example: "3f1c2e7a-9b0d-4c1e-8f2a-5d6b7c8d9e0f",
    },
  });
  registry.registerComponent("parameters", "IfNoneMatch", {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "The `ETag` of a copy you hold; when it is still current the answer is 304 with no body.",
    schema: { type: "string", example: '"2jmj7l5rSw0yVb_vlWAYkK_YBwk"' },
  });
  registry.registerComponent("parameters", "IfMatch", {
    name: "If-Match",
    in: "header",
    required: false,
    description:
      "Change the record only if its `ETag` (from a GET without `fields`) is still this one; otherwise 412 and nothing changes. Protects against overwriting someone else's change.",
    schema: { type: "string", example: '"2jmj7l5rSw0yVb_vlWAYkK_YBwk"' },
  });

  registry.registerComponent("responses", "NotModified", {
    description: "Your copy (named by `If-None-Match`) is current. No body.",
    headers: { ...RATE_HEADERS, ETag: ref("headers", "ETag") },
  });
  for (const { name, kinds, ...rest } of Object.values(ERROR_RESPONSES)) {
    const extra = "headers" in rest ? rest.headers : [];
    const description = kinds.map((kind) => `\`${kind}\`: ${PROBLEMS[kind].description}`).join(" ");
    registry.registerComponent("responses", name, {
      description,
      headers: { ...RATE_HEADERS, ...Object.fromEntries(extra.map((header) => [header, ref("headers", header)])) },
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  }
}
