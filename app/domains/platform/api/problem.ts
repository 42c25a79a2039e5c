// Errors of the REST API as RFC 9457 problem details (`application/problem+json`). Each kind has a
// stable `type` URI that points at its description on the API docs page.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEMS = {
  "invalid-request": {
    status: 400,
    title: "Invalid request",
    description:
      "The request cannot be read: the body is not a JSON object, or a header (`Idempotency-Key`, `If-Match`) is malformed.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    description: "The request has no API key, or the key is malformed, unknown or revoked.",
  },
  "insufficient-scope": {
    status: 403,
    title: "Insufficient scope",
    description: "The key is valid but lacks the scope this endpoint needs; `scope` names it.",
  },
  "not-found": { status: 404, title: "Not found", description: "No endpoint or record exists at this URL." },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    description: "The endpoint exists but does not accept this HTTP method; the `Allow` header lists those it does.",
  },
  "idempotency-in-progress": {
    status: 409,
    title: "Request in progress",
    description:
      "Another request with the same `Idempotency-Key` is still running; retry after `Retry-After` seconds to get its answer.",
  },
  "precondition-failed": {
    status: 412,
    title: "Precondition failed",
    description: "The record changed since the `ETag` sent in `If-Match`; read it again and re-apply the change.",
  },
  "payload-too-large": {
    status: 413,
    title: "Payload too large",
    description: "The request body is larger than the API accepts (64 KiB).",
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported media type",
    description: "Request bodies must be JSON, sent with `Content-Type: application/json`.",
  },
  "validation-failed": {
    status: 422,
    title: "Validation failed",
    description:
      "A query parameter, path parameter or body field has a value the API does not accept; `errors` lists each one (`parameter` or `field`, `message`, sometimes `code`).",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "Idempotency key reused",
    description:
      "The `Idempotency-Key` was already used, within the last 24 hours, for a request with a different method, path or body.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    description:
      "The key (or, without a valid key, the client address) used up its requests for this minute; retry after `Retry-After` seconds.",
  },
  internal: {
    status: 500,
    title: "Internal server error",
    description: "The server failed; the request id in `X-Request-Id` identifies it in our logs.",
  },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

export const PROBLEM_KINDS = Object.keys(PROBLEMS) as ProblemKind[];

/** One invalid input: a query/path/header `parameter` or a body `field`, and a machine-readable `code` for domain refusals. */
export type ProblemError = { parameter?: string; field?: string; code?: string; message: string };

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  scope?: string;
  errors?: ProblemError[];
};

export function problemTypeUri(origin: string, kind: ProblemKind) {
  return `${origin}/api/docs#problem-${kind}`;
}

type ProblemOptions = {
  detail: string;
  headers?: HeadersInit;
  extensions?: Pick<ProblemBody, "scope" | "errors">;
};

/** A problem+json Response for `request`; `instance` is the request's path. */
export function problemResponse(request: Request, kind: ProblemKind, { detail, headers, extensions }: ProblemOptions): Response {
  const url = new URL(request.url);
  const { status, title } = PROBLEMS[kind];
  const body: ProblemBody = {
    type: problemTypeUri(url.origin, kind),
    title,
    status,
    detail,
    instance: url.pathname,
    ...extensions,
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Content-Type", PROBLEM_CONTENT_TYPE);
  responseHeaders.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}
