// Structured JSON logs. Every line written while serving a request carries its request id
// (AsyncLocalStorage), and secrets are redacted wherever they appear.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

type RequestStore = { requestId: string };
// One store per process: the Express entry and the Remix server build each bundle this module,
// so the instance lives on globalThis; otherwise Remix-side log lines would lose the request id.
const shared = globalThis as typeof globalThis & { __versoRequestStore?: AsyncLocalStorage<RequestStore> };
export const requestStore = (shared.__versoRequestStore ??= new AsyncLocalStorage<RequestStore>());

const SECRET_QUERY_PARAMS = /^(password|token|t|code|otp|secret|key|signature)$/i;

/** The URL with the values of secret-looking query parameters replaced, for request logs. */
export function redactUrl(url: string | undefined): string | undefined {
  const q = url?.indexOf("?") ?? -1;
  if (!url || q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const secret = [...new Set(params.keys())].filter((key) => SECRET_QUERY_PARAMS.test(key));
  if (secret.length === 0) return url;
  for (const key of secret) params.set(key, "[redacted]");
  return `${url.slice(0, q)}?${params.toString()}`;
}

export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.secret",
  "*.otp",
  "*.backupCode",
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  base: { service: process.env.VERSO_PROCESS ?? "web" },
  mixin() {
    const store = requestStore.getStore();
    return store ? { reqId: store.requestId } : {};
  },
});
