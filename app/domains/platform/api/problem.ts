// Errors of the REST API as RFC 9457 problem details (`application/problem+json`). Each kind has a
// stable `type` URI that points at its description on the API docs page.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEMS = {
  "invalid-request": {
    status: 400,
    title: "Invalid request",
    description: "A query parameter or path parameter is malformed; `errors` lists each one.",
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

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  scope?: string;
  errors?: Array<{ parameter: string; message: string }>;
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
