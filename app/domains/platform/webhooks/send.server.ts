// One HTTP attempt of a webhook: re-check the URL (DNS rebinding), POST the signed body to the
// checked address, never follow redirects, give up after 10 s, keep at most 2 KB of the answer.
import http from "node:http";
import https from "node:https";
import { isDomainError } from "~/domains/errors";
import { signWebhook } from "./signature.server";
import { checkWebhookUrl, pinnedLookup } from "./url-guard.server";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_EXCERPT_BYTES = 2048;
export const USER_AGENT = "Verso-Webhooks";

export type SendInput = { url: string; secret: string; id: string; body: string; signal?: AbortSignal; timeoutMs?: number };

export type SendOutcome = {
  requestHeaders: Record<string, string>;
  status: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
};

export function webhookHeaders({ secret, id, body, now = new Date() }: { secret: string; id: string; body: string; now?: Date }) {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook({ secret, id, timestamp, body }),
  };
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: ReturnType<typeof pinnedLookup>,
  { signal, timeoutMs }: { signal?: AbortSignal; timeoutMs: number },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup,
      agent: false,
      signal,
    });
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    request.on("error", (error) => finish(() => reject(error)));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(() =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8"),
          }),
        );
      response.on("data", (chunk: Buffer) => {
        if (size >= RESPONSE_EXCERPT_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        // enough for the log: stop reading the rest of a large answer
        if (size >= RESPONSE_EXCERPT_BYTES) {
          response.destroy();
          done();
        }
      });
      response.on("end", done);
      response.on("close", done);
      response.on("error", (error) => finish(() => (size > 0 ? done() : reject(error))));
    });
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (isDomainError(error)) return `refused: ${error.message}`;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return (code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message).slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}

/** Make one attempt; never throws (the outcome says what happened). */
export async function sendWebhook({
  url,
  secret,
  id,
  body,
  signal,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: SendInput): Promise<SendOutcome> {
  const headers = webhookHeaders({ secret, id, body });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = await checkWebhookUrl(url);
    const answer = await post(target.url, headers, body, pinnedLookup(target.addresses[0]!), { signal, timeoutMs });
    return { requestHeaders: headers, status: answer.status, responseBody: answer.body, error: null, durationMs: elapsed() };
  } catch (error) {
    return { requestHeaders: headers, status: null, responseBody: null, error: describe(error), durationMs: elapsed() };
  }
}
