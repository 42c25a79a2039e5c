// Structured JSON logs. Every line written while serving a request carries its request id
// (AsyncLocalStorage), and secrets are redacted wherever they appear.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

type RequestStore = { requestId: string };
export const requestStore = new AsyncLocalStorage<RequestStore>();

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
