// Idempotency-Key for unsafe methods: the first request with a key claims it (the unique index on
// (principal, key) decides races), runs, and stores its answer for 24 hours; a retry with the same
// key and the same request gets that answer again with `Idempotent-Replayed: true`. A retry while
// the first still runs gets 409; the same key on a different request gets 422. Server errors (5xx)
// are not stored: the claim is dropped so the client can retry.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  idempotencyRequestHash,
  isValidIdempotencyKey,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  REPLAYED_HEADER,
  REPLAYED_HEADERS,
} from "./idempotency";
import { problemResponse } from "./problem";

type Fingerprint = { principal: string; key: string; method: string; path: string; requestHash: string };
type StoredAnswer = { responseStatus: number; responseBody: string | null; responseHeaders: Prisma.JsonValue };

type Claim =
  | { kind: "claimed"; id: string }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "in-progress"; retryAfterSeconds: number }
  | { kind: "mismatch"; method: string; path: string };

const MAX_CLAIM_ATTEMPTS = 4;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function claim(fingerprint: Fingerprint): Promise<Claim> {
  const { principal, key } = fingerprint;
  for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
    const now = new Date();
    try {
      const created = await prisma.idempotencyRecord.create({
        data: { ...fingerprint, expiresAt: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS) },
        select: { id: true },
      });
      return { kind: "claimed", id: created.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await prisma.idempotencyRecord.findUnique({ where: { principal_key: { principal, key } } });
    if (!existing) continue; // released (a 5xx) between our insert and read: claim again
    if (existing.expiresAt <= now) {
      // a stored answer past its 24 h, or a claim whose request died: the key is free again
      await prisma.idempotencyRecord.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } });
      continue;
    }
    if (existing.requestHash !== fingerprint.requestHash)
      return { kind: "mismatch", method: existing.method, path: existing.path };
    if (existing.responseStatus === null) {
      const retryAfterSeconds = Math.max(1, Math.min(5, Math.ceil((existing.expiresAt.getTime() - now.getTime()) / 1000)));
      return { kind: "in-progress", retryAfterSeconds };
    }
    return { kind: "replay", answer: { ...existing, responseStatus: existing.responseStatus } };
  }
  return { kind: "in-progress", retryAfterSeconds: 1 };
}

async function release(id: string) {
  await prisma.idempotencyRecord.deleteMany({ where: { id, responseStatus: null } });
}

function replay({ responseStatus, responseBody, responseHeaders }: StoredAnswer): Response {
  const headers = new Headers();
  if (responseHeaders && typeof responseHeaders === "object" && !Array.isArray(responseHeaders)) {
    for (const [name, value] of Object.entries(responseHeaders)) if (typeof value === "string") headers.set(name, value);
  }
  headers.set("Cache-Control", "no-store");
  headers.set(REPLAYED_HEADER, "true");
  return new Response(responseBody, { status: responseStatus, headers });
}

async function store(id: string, response: Response): Promise<Response> {
  const body = await response.text();
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  try {
    await prisma.idempotencyRecord.update({
      where: { id },
      data: {
        responseStatus: response.status,
        responseBody: body,
        responseHeaders: headers,
        expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
      },
    });
  } catch (error) {
    // The change is made; the key stays claimed until its lease ends, so a quick retry gets 409, not a second change.
    logger.error({ err: error, idempotencyRecordId: id }, "could not store the answer of an idempotent request");
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

type IdempotentRun = {
  request: Request;
  /** Who the key belongs to: keys of different principals never collide. */
  principal: string;
  /** The raw request body, part of the fingerprint. */
  body: string;
  run: () => Promise<Response>;
};

/**
 * Run an unsafe request at most once per `Idempotency-Key`. Without the header it simply runs. A
 * thrown Response counts as the answer; anything else thrown drops the claim and propagates.
 */
export async function withIdempotency({ request, principal, body, run }: IdempotentRun): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return run();
  if (!isValidIdempotencyKey(key)) {
    const message = `Use 1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, such as a UUID.`;
    return problemResponse(request, "invalid-request", {
      detail: `The ${IDEMPOTENCY_HEADER} header is malformed. ${message}`,
      extensions: { errors: [{ parameter: IDEMPOTENCY_HEADER, message }] },
    });
  }
  const url = new URL(request.url);
  const path = `${url.pathname}${url.search}`;
  const method = request.method.toUpperCase();
  const outcome = await claim({ principal, key, method, path, requestHash: idempotencyRequestHash({ method, path, body }) });
  switch (outcome.kind) {
    case "replay":
      return replay(outcome.answer);
    case "mismatch":
      return problemResponse(request, "idempotency-key-reused", {
        detail: `This ${IDEMPOTENCY_HEADER} was already used for a different request (${outcome.method} ${outcome.path} with another body). Use a new key for a new request.`,
      });
    case "in-progress":
      return problemResponse(request, "idempotency-in-progress", {
        detail: `A request with this ${IDEMPOTENCY_HEADER} is still running. Retry in ${outcome.retryAfterSeconds} seconds to get its answer.`,
        headers: { "Retry-After": String(outcome.retryAfterSeconds) },
      });
  }
  let response: Response;
  try {
    response = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) {
      await release(outcome.id);
      throw thrown;
    }
    response = thrown;
  }
  // Not stored: a server failure, and a failed precondition (412), which the client fixes by sending
  // the current ETag — the same operation, so it may keep its key.
  if (response.status >= 500 || response.status === 412) {
    await release(outcome.id);
    return response;
  }
  return store(outcome.id, response);
}
