// Every account route guards its own loader and action: signed out → the login page with a way
// back; a POST without its CSRF token → 403 with nothing changed.
import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import { createUser } from "../factories/users";
import { context, formRequest, getRequest, settle } from "../setup/requests";
import { resetDatabase } from "../setup/reset";

type RouteModule = { loader?: LoaderFunction; action?: ActionFunction };
const modules = import.meta.glob<RouteModule>("/app/routes/account+/*.tsx", { eager: true });

const ROUTES: Array<{ file: string; path: string; fields: Record<string, string> }> = [
  { file: "_index.tsx", path: "/account", fields: { name: "Changed", timeZone: "UTC", locale: "es" } },
  {
    file: "security._index.tsx",
    path: "/account/security",
    fields: { intent: "email", newEmail: "x@example.com", emailCurrentPassword: "x" },
  },
  { file: "security.mfa.tsx", path: "/account/security/mfa", fields: { intent: "start" } },
  { file: "security.sessions.tsx", path: "/account/security/sessions", fields: { intent: "revoke-others" } },
  { file: "security.confirm-email.tsx", path: "/account/security/confirm-email?token=abc", fields: {} },
];

function moduleFor(file: string) {
  const mod = modules[`/app/routes/account+/${file}`];
  if (!mod) throw new Error(`No route module ${file}`);
  return mod;
}

describe("account routes", () => {
  beforeEach(resetDatabase);

  it("finds the route modules it checks", () => {
    for (const route of ROUTES) expect(moduleFor(route.file).loader).toBeTypeOf("function");
  });

  it.each(ROUTES)("$path: a signed-out request is sent to log in and come back", async ({ file, path, fields }) => {
    const mod = moduleFor(file);
    const expected = `/auth/login?${new URLSearchParams({ redirectTo: path })}`;
    const loaded = (await settle(async () =>
      mod.loader!({ request: await getRequest(path), params: {}, context: context() }),
    )) as Response;
    expect(loaded.status).toBe(302);
    expect(loaded.headers.get("Location")).toBe(expected);
    if (mod.action) {
      const acted = (await settle(async () =>
        mod.action!({ request: await formRequest(path, fields), params: {}, context: context() }),
      )) as Response;
      expect(acted.status).toBe(302);
      expect(acted.headers.get("Location")).toBe(expected);
    }
  });

  it.each(ROUTES.filter((route) => moduleFor(route.file).action))(
    "$path: a POST without CSRF token is refused with 403",
    async ({ file, path, fields }) => {
      const user = await createUser();
      const request = await formRequest(path, fields, { userId: user.id, csrf: false });
      const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      const auditBefore = await prisma.auditLog.count();
      const res = (await settle(async () => moduleFor(file).action!({ request, params: {}, context: context() }))) as Response;
      expect(res.status).toBe(403);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
      expect(await prisma.auditLog.count()).toBe(auditBefore);
      expect(await prisma.totpDevice.count()).toBe(0);
      expect(await prisma.verification.count()).toBe(0);
    },
  );
});
