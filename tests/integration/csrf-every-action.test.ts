// Every state-changing form in the app refuses a POST without its CSRF token, with 403, and
// changes nothing — checked over every route module that exports an action (API routes use
// bearer keys, not cookies, and are covered by their own tests).
import type { ActionFunction } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../factories/users";
import { BASE, context, sessionCookie, settle } from "../setup/requests";
import { resetDatabase, rowCounts } from "../setup/reset";

const modules = import.meta.glob<{ action?: ActionFunction }>("/app/routes/**/*.tsx", { eager: true });
const withActions = Object.entries(modules)
  .filter(([file, mod]) => typeof mod.action === "function" && !file.includes("/api+/"))
  .map(([file, mod]) => ({ file: file.replace("/app/routes/", ""), action: mod.action! }));

const PARAMS = new Proxy({}, { get: (_target, key) => (typeof key === "string" ? "missing-record" : undefined) });

function post(cookie: string | null, fields: Record<string, string>) {
  return new Request(`${BASE}/any`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

async function statusOf(result: unknown) {
  return result instanceof Response ? result.status : 200;
}

describe("CSRF protection on every action", () => {
  let adminCookie: string;
  beforeAll(async () => {
    await resetDatabase();
    const admin = await createUser({ roles: ["admin"], email: "csrf-admin@example.com" });
    adminCookie = (await sessionCookie(admin.id)).cookie;
  });

  it("finds the app's actions", () => {
    expect(withActions.length).toBeGreaterThan(3);
  });

  it.each(withActions)("$file refuses a POST without a token and changes nothing", async ({ action }) => {
    const fields = { intent: "save", email: "csrf-admin@example.com", password: "x", name: "Changed", locale: "es" };
    const before = await rowCounts();
    let result = await settle(
      () => action({ request: post(null, fields), params: PARAMS, context: context() }) as Promise<unknown>,
    );
    if (
      result instanceof Response &&
      result.status >= 300 &&
      result.status < 400 &&
      result.headers.get("Location")?.startsWith("/auth/login")
    ) {
      result = await settle(
        () => action({ request: post(adminCookie, fields), params: PARAMS, context: context() }) as Promise<unknown>,
      );
    }
    expect(await statusOf(result)).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });
});
