// Security middleware of the web process: CSP with a per-request nonce and the other headers,
// the Origin check for state-changing requests, request body limits.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

export function nonceMiddleware(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

/** Responses that send their own, stricter Content-Security-Policy (the sandboxed e-mail preview). */
export function hasOwnContentSecurityPolicy(path: string) {
  return /^\/admin\/emails\/[^/]+\/preview$/.test(path);
}

/**
 * `formActionOrigins`: other origins a form post may be redirected to (Chrome applies form-action to the
 * redirect after a submit): the payment provider's hosted page, e.g. Stripe Checkout (ADR 013).
 */
export function securityHeaders(options: { production: boolean; dev: boolean; formActionOrigins?: string[] }) {
  const site = siteHeaders(options);
  const own = siteHeaders({ ...options, ownPolicy: true });
  return (req: Request, res: Response, next: NextFunction) =>
    (hasOwnContentSecurityPolicy(req.path) ? own : site)(req, res, next);
}

function siteHeaders({
  production,
  dev,
  ownPolicy = false,
  formActionOrigins = [],
}: {
  production: boolean;
  dev: boolean;
  ownPolicy?: boolean;
  formActionOrigins?: string[];
}) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  return helmet({
    contentSecurityPolicy: ownPolicy
      ? false
      : {
          useDefaults: false,
          directives: {
            "default-src": ["'self'"],
            "script-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'", nonce],
            "style-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'"],
            "connect-src": dev ? ["'self'", "ws:"] : ["'self'"],
            "form-action": ["'self'", ...formActionOrigins],
            "frame-ancestors": ["'self'"],
            "base-uri": ["'self'"],
            "object-src": ["'none'"],
            ...(production ? { "upgrade-insecure-requests": [] } : {}),
          },
        },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xContentTypeOptions: true,
    xFrameOptions: { action: "sameorigin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
}

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(self), usb=()");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths authenticated by something other than the browser's cookies (bearer keys, signatures). */
export function isCookielessPath(path: string) {
  return path.startsWith("/api/v1/") || path.startsWith("/webhooks/");
}

/**
 * A state-changing request from a browser must come from this site: the Origin (or, when the
 * browser sent none, the Referer) has to match. The per-form CSRF token is checked in the action.
 */
export function originCheck(appUrl: string) {
  const configured = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || isCookielessPath(req.path)) return next();
    const own = `${req.protocol}://${req.get("host")}`;
    const source = req.get("origin") ?? refererOrigin(req.get("referer"));
    if (source === undefined || source === own || source === configured) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  };
}

function refererOrigin(referer: string | undefined) {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}

/** Refuse bodies over the limit before they are read; bodies of unknown length are refused too. */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const length = req.get("content-length");
    if (length === undefined) {
      if (req.get("transfer-encoding")) {
        res.status(411).type("text/plain").send("A Content-Length is required.");
        return;
      }
      return next();
    }
    if (Number(length) > maxBytes) {
      res.status(413).type("text/plain").send("Request body too large.");
      return;
    }
    next();
  };
}
