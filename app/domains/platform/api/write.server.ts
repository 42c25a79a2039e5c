// The frame of endpoints that change something (POST, PATCH, DELETE): everything `handleApi` does,
// plus a JSON body (64 KiB at most, `Content-Type: application/json`), Idempotency-Key, and body
// validation as 422 problems with one error per field.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { ApiScope } from "~/domains/identity/api-key-format";
import { handleApi, type ApiHandlerArgs } from "./handler.server";
import { withIdempotency } from "./idempotency.server";
import { problemResponse, type ProblemError } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

type Args = Pick<LoaderFunctionArgs, "request" | "params" | "context">;
export type ApiWriteArgs = ApiHandlerArgs & { body: unknown };

async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  const tooLarge = () =>
    problemResponse(request, "payload-too-large", { detail: `The body may be at most ${MAX_BODY_BYTES} bytes.` });
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) throw tooLarge();
  const type = request.headers.get("Content-Type");
  if (text.trim() && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type ?? "")) {
    throw problemResponse(request, "unsupported-media-type", {
      detail: `Send the body as JSON with Content-Type: application/json (got ${type ?? "no Content-Type"}).`,
      headers: request.method === "PATCH" ? { "Accept-Patch": "application/json" } : undefined,
    });
  }
  return text;
}

function parseJson(request: Request, text: string): unknown {
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problemResponse(request, "invalid-request", { detail: "The body is not valid JSON." });
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw problemResponse(request, "invalid-request", { detail: "The body must be a JSON object." });
  }
  return body;
}

/**
 * Run `handler` for a request with a valid key holding `scope`, with its parsed JSON body, at most
 * once per Idempotency-Key (per API key).
 */
export function handleApiWrite(args: Args, scope: ApiScope, handler: (args: ApiWriteArgs) => Promise<Response>) {
  return handleApi(args, scope, async ({ request, params, principal, clientIp }) => {
    const text = await readBody(request);
    return withIdempotency({
      request,
      principal: `api-key:${principal.keyId}`,
      body: text,
      run: () => handler({ request, params, principal, clientIp, body: parseJson(request, text) }),
    });
  });
}

/** Throw a 422 problem listing `errors` (body fields, or a domain refusal tied to a field). */
export function validationFailed(request: Request, errors: ProblemError[]): never {
  const names = [...new Set(errors.map((error) => error.field ?? error.parameter ?? "(body)"))];
  throw problemResponse(request, "validation-failed", { detail: `Invalid ${names.join(", ")}.`, extensions: { errors } });
}

/** Validate a JSON body; unknown fields and invalid values become a 422 problem with one error per field. */
export function parseBody<S extends z.ZodTypeAny>(request: Request, schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  validationFailed(
    request,
    result.error.issues.flatMap((issue): ProblemError[] =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((field) => ({ field, message: "Unknown field." }))
        : [{ field: issue.path.join(".") || "(body)", message: issue.message }],
    ),
  );
}
