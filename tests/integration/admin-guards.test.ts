// Every admin loader and action checks its own permission: a blogger (who may open /admin) and a
// plain user get 403 and no data, and a forged POST with a valid CSRF token changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/infra/db.server";
import * as dashboard from "~/routes/admin+/_index";
import * as audit from "~/routes/admin+/audit";
import * as mailboxEmail from "~/routes/admin+/dev.mailbox.$emailId";
import * as mailbox from "~/routes/admin+/dev.mailbox._index";
import * as email from "~/routes/admin+/emails.$emailId";
import * as emailPreview from "~/routes/admin+/emails.$emailId.preview";
import * as emails from "~/routes/admin+/emails._index";
import * as settings from "~/routes/admin+/settings";
import * as role from "~/routes/admin+/roles.$roleName";
import * as roles from "~/routes/admin+/roles._index";
import * as user from "~/routes/admin+/users.$userId";
import * as users from "~/routes/admin+/users._index";
import { createEmailMessage } from "../factories/emails";
import { createUser } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { rowCounts } from "../setup/reset";
import { payloadOf, rolesOf, run, statusOf } from "./admin-helpers";

type Ids = { target: string; emailId: string };

const LOADERS: Array<{
  name: string;
  loader: unknown;
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
}> = [
  { name: "users", loader: users.loader, path: () => "/admin/users", params: () => ({}) },
  { name: "user", loader: user.loader, path: (ids) => `/admin/users/${ids.target}`, params: (ids) => ({ userId: ids.target }) },
  { name: "roles", loader: roles.loader, path: () => "/admin/roles", params: () => ({}) },
  { name: "role", loader: role.loader, path: () => "/admin/roles/admin", params: () => ({ roleName: "admin" }) },
  { name: "audit", loader: audit.loader, path: () => "/admin/audit", params: () => ({}) },
  { name: "mailbox", loader: mailbox.loader, path: () => "/admin/dev/mailbox", params: () => ({}) },
  {
    name: "mailbox email",
    loader: mailboxEmail.loader,
    path: (ids) => `/admin/dev/mailbox/${ids.emailId}`,
    params: (ids) => ({ emailId: ids.emailId }),
  },
  { name: "emails", loader: emails.loader, path: () => "/admin/emails", params: () => ({}) },
  {
    name: "email",
    loader: email.loader,
    path: (ids) => `/admin/emails/${ids.emailId}`,
    params: (ids) => ({ emailId: ids.emailId }),
  },
  {
    name: "email preview",
    loader: emailPreview.loader,
    path: (ids) => `/admin/emails/${ids.emailId}/preview`,
    params: (ids) => ({ emailId: ids.emailId }),
  },
  { name: "settings", loader: settings.loader, path: () => "/admin/settings", params: () => ({}) },
];

const ACTIONS: Array<{
  name: string;
  action: unknown;
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  fields: (ids: Ids) => Record<string, string | string[]>;
}> = [
  ...["profile", "roles", "deactivate", "reactivate", "revokeSessions", "resetMfa", "bogus"].map((intent) => ({
    name: `user ${intent}`,
    action: user.action,
    path: (ids: Ids) => `/admin/users/${ids.target}`,
    params: (ids: Ids) => ({ userId: ids.target }),
    fields: () => ({ intent, roles: ["admin"], name: "Hacked", email: "hacked@example.com", timeZone: "UTC", locale: "en" }),
  })),
  {
    name: "role create",
    action: roles.action,
    path: () => "/admin/roles?index",
    params: () => ({}),
    fields: () => ({ intent: "create", name: "hackers", description: "x" }),
  },
  ...["save", "delete", "bogus"].map((intent) => ({
    name: `role ${intent}`,
    action: role.action,
    path: () => "/admin/roles/blogger",
    params: () => ({ roleName: "blogger" }),
    fields: () => ({ intent, permissions: ["read:user:any", "update:user:any"], description: "pwned" }),
  })),
  {
    name: "email resend",
    action: email.action,
    path: (ids) => `/admin/emails/${ids.emailId}`,
    params: (ids) => ({ emailId: ids.emailId }),
    fields: () => ({ intent: "resend" }),
  },
  {
    name: "settings save",
    action: settings.action,
    path: () => "/admin/settings",
    params: () => ({}),
    fields: () => ({ name: "Hacked Inc" }),
  },
];

describe("admin permissions", () => {
  let ids: Ids;
  let people: Record<"blogger" | "plain", string>;

  beforeEach(async () => {
    await resetDatabase();
    const target = await createUser({ email: "target@example.com", roles: ["user"] });
    const blogger = await createUser({ email: "blogger@example.com", roles: ["blogger"] });
    const plain = await createUser({ email: "plain@example.com", roles: ["user"] });
    const email = await createEmailMessage({ to: "target@example.com", subject: "Hi", text: "secret" });
    ids = { target: target.id, emailId: email.id };
    people = { blogger: blogger.id, plain: plain.id };
  });

  for (const who of ["blogger", "plain"] as const) {
    it.each(LOADERS)(`$name loader refuses a ${who} with 403`, async ({ loader, path, params }) => {
      const result = await run(loader, await getRequest(path(ids), { userId: people[who] }), params(ids));
      expect(statusOf(result)).toBe(403);
    });

    it.each(ACTIONS)(`$name action refuses a ${who} with 403 and changes nothing`, async ({ action, path, params, fields }) => {
      const request = await formRequest(path(ids), fields(ids), { userId: people[who] });
      const before = await rowCounts();
      const blogger = await prisma.role.findUniqueOrThrow({
        where: { name: "blogger" },
        select: { description: true, _count: { select: { permissions: true } } },
      });
      const result = await run(action, request, params(ids));
      expect(statusOf(result)).toBe(403);
      expect(await rowCounts()).toEqual(before);
      expect(await rolesOf(ids.target)).toEqual(["user"]);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: ids.target }, select: { name: true, status: true } })).toEqual({
        name: "Test User",
        status: "active",
      });
      expect(
        await prisma.role.findUniqueOrThrow({
          where: { name: "blogger" },
          select: { description: true, _count: { select: { permissions: true } } },
        }),
      ).toEqual(blogger);
    });
  }

  it("dashboard: a plain user gets 403; a blogger sees the frame but no user or audit data", async () => {
    expect(statusOf(await run(dashboard.loader, await getRequest("/admin", { userId: people.plain })))).toBe(403);
    const result = payloadOf<{ stats: unknown; latestAudit: unknown }>(
      await run(dashboard.loader, await getRequest("/admin", { userId: people.blogger })),
    );
    expect(result.stats).toBeNull();
    expect(result.latestAudit).toBeNull();
  });

  it("signed-out visitors are sent to the login page", async () => {
    const result = await run(users.loader, await getRequest("/admin/users"));
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/auth/login?redirectTo=%2Fadmin%2Fusers");
  });

  it("a valid admin without a CSRF token is refused", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const request = await formRequest(`/admin/users/${ids.target}`, { intent: "deactivate" }, { userId: admin.id, csrf: false });
    expect(statusOf(await run(user.action, request, { userId: ids.target }))).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ids.target } })).status).toBe("active");
  });
});
