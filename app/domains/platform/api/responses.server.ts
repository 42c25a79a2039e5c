// Successful API answers: JSON shaped by its contract schema, with a strong ETag; a GET or HEAD
// whose If-None-Match already names that ETag gets 304 Not Modified without a body.
import type { z } from "zod";
import { etagOf, noneMatchHits } from "./etag";

const READ_CACHE_CONTROL = "private, no-cache";
const WRITE_CACHE_CONTROL = "no-store";

function isRead(request: Request) {
  return request.method === "GET" || request.method === "HEAD";
}

/**
 * Answer `body`, validated and shaped by `schema` (a serializer that drifts from the contract
 * fails here, loudly, instead of leaking or dropping a field). Reads may be cached privately but
 * must be revalidated (`private, no-cache` + ETag); writes are `no-store`.
 */
export function apiJson<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  body: z.input<S>,
  init: ResponseInit = {},
): Response {
  const serialized = JSON.stringify(schema.parse(body));
  const etag = etagOf(serialized);
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", isRead(request) ? READ_CACHE_CONTROL : WRITE_CACHE_CONTROL);
  headers.set("Vary", "Authorization");
  headers.set("ETag", etag);
  if (isRead(request) && noneMatchHits(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(serialized, { ...init, headers });
}
