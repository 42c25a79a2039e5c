// The Express application of the web process: logging with request ids, security headers,
// health checks, rate limits, static assets, then Remix.
import { randomUUID } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import pinoHttp from "pino-http";
import type { Env } from "../app/infra/env.server";
import { logger, redactUrl, requestStore } from "../app/infra/logger.server";
import { consume } from "../app/infra/rate-limit.server";
import { stripeRedirectOrigins } from "../app/domains/commerce/payments/stripe.server";
import { getCache } from "../app/infra/cache.server";
import { pageCache } from "./page-cache";
import { bodyLimit, isCookielessPath, nonceMiddleware, originCheck, permissionsPolicy, securityHeaders } from "./security";

export type ServerServices = {
  checkReadiness: () => Promise<{ ok: boolean; checks: Record<string, string> }>;
};

type Options = {
  env: Env;
  /** The built app (production), or a getter for Vite's live build (development). A getter makes
   * Remix re-derive its route tree on every request, so production passes the object itself. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  getServices: () => Promise<ServerServices>;
  /** Vite's middlewares in development; static files from build/client otherwise. */
  assets: express.RequestHandler[];
  dev: boolean;
};

export function createApp({ env, build, getServices, assets, dev }: Options) {
  const app = express();
  const production = env.NODE_ENV === "production";
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.locals.requestId = requestId;
    requestStore.run({ requestId }, next);
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => (res as express.Response).locals.requestId,
      customProps: () => ({}),
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" || !!req.url?.startsWith("/assets/") },
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.remoteAddress }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(compression());
  app.use(nonceMiddleware);
  app.use(securityHeaders({ production, dev, formActionOrigins: stripeRedirectOrigins(env) }));
  app.use(permissionsPolicy);

  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const report = await (await getServices()).checkReadiness();
    res
      .set("Cache-Control", "no-store")
      .status(report.ok ? 200 : 503)
      .json(report);
  });

  app.use(...assets);

  // Catalogue uploads get a larger body limit on their own paths only: a product image (10 MB) and
  // a digital product's file (50 MB), each plus 1 MB for the multipart envelope and other fields.
  const uploadLimits: Array<[RegExp, number]> = [
    [/^\/admin\/shop\/products\/[^/]+\/images\/?$/, 11 * 1024 * 1024],
    [/^\/admin\/shop\/products\/[^/]+\/file\/?$/, 51 * 1024 * 1024],
  ];
  const defaultBodyLimit = bodyLimit(env.BODY_LIMIT_BYTES);
  const uploadBodyLimits = uploadLimits.map(([path, bytes]) => [path, bodyLimit(Math.max(bytes, env.BODY_LIMIT_BYTES))] as const);
  app.use((req, res, next) => (uploadBodyLimits.find(([path]) => path.test(req.path))?.[1] ?? defaultBodyLimit)(req, res, next));
  app.use(originCheck(env.APP_URL));
  app.use(async (req, res, next) => {
    if (isCookielessPath(req.path)) return next(); // the API has its own per-key limits
    const verdict = await consume(
      { keyPrefix: "ip", points: env.RATE_LIMIT_PER_MINUTE, durationSeconds: 60 },
      req.ip ?? "unknown",
    ).catch(() => null);
    if (verdict && !verdict.allowed) {
      res.set("Retry-After", String(verdict.retryAfterSeconds)).status(429).type("text/plain").send("Too many requests.");
      return;
    }
    next();
  });

  // Anonymous storefront pages from the whole-page cache (after the limits: a hit still counts).
  if (!dev) app.use(pageCache(getCache));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  return app;
}
