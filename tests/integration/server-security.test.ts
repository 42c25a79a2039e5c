// The production web process over HTTP: security headers, CSP nonces, cookie flags, the Origin
// check, body limits, and which client address counts when TRUST_PROXY is unset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfFromHome, request, startServer, type RunningServer } from "./server-harness";

const BODY_LIMIT = 64 * 1024;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
}, 360_000);

afterAll(async () => {
  await server?.stop();
});

function directives(csp: string) {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values] as const),
  );
}

describe("security headers on /", () => {
  it("sends a nonce CSP that matches every <script> on the page", async () => {
    const res = await request(server, "/");
    expect(res.status).toBe(200);
    const csp = directives(String(res.headers["content-security-policy"]));
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonces = scriptSrc.filter((value) => value.startsWith("'nonce-"));
    expect(nonces).toHaveLength(1);
    const nonce = nonces[0].slice("'nonce-".length, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);

    const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("uses a new nonce for every response", async () => {
    const [a, b] = await Promise.all([request(server, "/"), request(server, "/")]);
    expect(a.headers["content-security-policy"]).not.toEqual(b.headers["content-security-policy"]);
  });

  it("sends HSTS in production, nosniff, Referrer-Policy and Permissions-Policy", async () => {
    const res = await request(server, "/");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("cookies", () => {
  it("are HttpOnly, SameSite=Lax and Secure in production", async () => {
    const { token, cookie } = await csrfFromHome(server);
    const home = await request(server, "/");
    const locale = await request(server, "/resources/locale", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ csrf: token, locale: "es", redirectTo: "/" }).toString(),
    });
    expect(locale.status).toBe(302);
    const cookies = [...(home.headers["set-cookie"] ?? []), ...(locale.headers["set-cookie"] ?? [])];
    expect(cookies.map((c) => c.split("=")[0])).toEqual(expect.arrayContaining(["__csrf", "lng"]));
    for (const setCookie of cookies) {
      const attributes = setCookie.split(";").map((part) => part.trim().toLowerCase());
      expect(attributes, setCookie).toContain("httponly");
      expect(attributes, setCookie).toContain("samesite=lax");
      expect(attributes, setCookie).toContain("secure");
    }
  });
});

describe("state-changing requests", () => {
  it("refuses a cross-origin POST with 403", async () => {
    const res = await request(server, "/resources/locale", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "locale=es",
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/cross-site/i);
  });

  it("refuses a cross-origin Referer when no Origin is sent", async () => {
    const res = await request(server, "/resources/locale", {
      method: "POST",
      headers: { Referer: "https://evil.example/page", "Content-Type": "application/x-www-form-urlencoded" },
      body: "locale=es",
    });
    expect(res.status).toBe(403);
  });

  it("lets a same-origin POST through the origin check", async () => {
    const { token, cookie } = await csrfFromHome(server);
    const res = await request(server, "/resources/locale", {
      method: "POST",
      headers: { Origin: `http://localhost:${server.port}`, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ csrf: token, locale: "en", redirectTo: "/" }).toString(),
    });
    expect(res.status).toBe(302);
  });

  it("answers 413 to a body over BODY_LIMIT_BYTES before reading it", async () => {
    const res = await request(server, "/resources/locale", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": BODY_LIMIT + 1 },
    }).catch((error: Error) => ({ status: -1, body: error.message, headers: {} }));
    expect(res.status).toBe(413);
  });

  it("accepts a body just under the limit", async () => {
    const res = await request(server, "/resources/locale", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `locale=es&pad=${"x".repeat(BODY_LIMIT - 100)}`,
    });
    expect(res.status).not.toBe(413);
  });
});

describe("client address without TRUST_PROXY", () => {
  let limited: RunningServer;
  let trusting: RunningServer;
  beforeAll(async () => {
    [limited, trusting] = await Promise.all([
      startServer({ RATE_LIMIT_PER_MINUTE: "3" }),
      startServer({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" }),
    ]);
  }, 360_000);
  afterAll(async () => {
    await Promise.all([limited?.stop(), trusting?.stop()]);
  });

  const burst = (target: RunningServer) =>
    Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const res = await request(target, "/", { headers: { "X-Forwarded-For": `198.51.100.${n}` } });
        return res.status;
      }),
    );

  it("ignores X-Forwarded-For: the socket address is the rate-limit key and the logged IP", async () => {
    const statuses = await burst(limited);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    const lines = limited.logs().filter((line) => line.req !== undefined);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect((line.req as { remoteAddress: string }).remoteAddress).toMatch(/127\.0\.0\.1$/);
      expect(JSON.stringify(line)).not.toContain("198.51.100.");
    }
  });

  it("uses X-Forwarded-For only when TRUST_PROXY says so (control)", async () => {
    const statuses = await burst(trusting);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
