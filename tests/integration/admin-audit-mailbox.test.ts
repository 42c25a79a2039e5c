// /admin/audit filters and /admin/dev/mailbox listing and sanitized display.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import * as audit from "~/routes/admin+/audit";
import * as mailboxEmail from "~/routes/admin+/dev.mailbox.$emailId";
import * as mailbox from "~/routes/admin+/dev.mailbox._index";
import { createEmailMessage } from "../factories/emails";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

describe("admin audit log", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ email: "auditor@example.com", roles: ["admin"] })).id;
    const other = await createUser({ email: "other@example.com", roles: ["admin"] });
    await recordAudit({
      actorId: adminId,
      action: "user.roles.update",
      entityType: "user",
      entityId: other.id,
      before: { roles: ["user"] },
      after: { roles: ["admin"] },
    });
    await recordAudit({
      actorId: other.id,
      action: "role.create",
      entityType: "role",
      entityId: "support",
      after: { name: "support" },
    });
    await prisma.auditLog.create({
      data: {
        actorId: other.id,
        action: "user.deactivate",
        entityType: "user",
        entityId: adminId,
        createdAt: new Date("2024-01-15T12:00:00Z"),
      },
    });
  });

  async function entries(search: string) {
    const data = payloadOf<{
      entries: Array<{ action: string }>;
      total: number;
      targets: Record<string, string>;
      actions: string[];
    }>(await run(audit.loader, await getRequest(`/admin/audit${search}`, { userId: adminId })));
    return data;
  }

  it("filters by actor e-mail, action, entity type and date range, newest first", async () => {
    expect((await entries("")).entries.map((e) => e.action)).toEqual(["role.create", "user.roles.update", "user.deactivate"]);
    expect((await entries("?actor=AUDITOR")).entries.map((e) => e.action)).toEqual(["user.roles.update"]);
    expect((await entries("?action=role.create")).total).toBe(1);
    expect((await entries("?entityType=user")).total).toBe(2);
    expect((await entries("?from=2024-01-15&to=2024-01-15")).entries.map((e) => e.action)).toEqual(["user.deactivate"]);
    expect((await entries("?to=2024-01-14")).total).toBe(0);
    const all = await entries("");
    expect(all.actions).toEqual(["role.create", "user.deactivate", "user.roles.update"]);
    expect(Object.values(all.targets).sort()).toEqual(["auditor@example.com", "other@example.com"]);
  });

  it('keeps filtering and linking rows written by the account flows (entity type "user")', async () => {
    const person = await createUser({ email: "newcomer@example.com" });
    for (const action of ["user.registered", "user.email_verified", "user.password_reset", "user.mfa_enabled"])
      await recordAudit({ actorId: person.id, action, entityType: "user", entityId: person.id });
    const data = payloadOf<{ entries: Array<{ action: string }>; entityTypes: string[]; targets: Record<string, string> }>(
      await run(audit.loader, await getRequest("/admin/audit?entityType=user&actor=newcomer", { userId: adminId })),
    );
    expect(data.entries.map((e) => e.action).sort()).toEqual([
      "user.email_verified",
      "user.mfa_enabled",
      "user.password_reset",
      "user.registered",
    ]);
    expect(data.entityTypes).toEqual(["role", "user"]);
    expect(data.targets[person.id]).toBe("newcomer@example.com");
    expect((await entries("?action=user.password_reset")).total).toBe(1);
  });
});

describe("admin dev mailbox", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
  });

  it("lists newest first, filters by recipient, and shows HTML only sanitized", async () => {
    await createEmailMessage({ to: "a@example.com", subject: "Old", text: "old", createdAt: new Date("2024-01-01") });
    const evil = await createEmailMessage({
      to: "b@example.com",
      subject: "New",
      text: "hello",
      html: '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">go</a></p>',
    });
    const list = payloadOf<{ items: Array<{ subject: string }> }>(
      await run(mailbox.loader, await getRequest("/admin/dev/mailbox", { userId: adminId })),
    );
    expect(list.items.map((i) => i.subject)).toEqual(["New", "Old"]);
    const filtered = payloadOf<{ items: Array<{ subject: string }> }>(
      await run(mailbox.loader, await getRequest("/admin/dev/mailbox?to=A@EX", { userId: adminId })),
    );
    expect(filtered.items.map((i) => i.subject)).toEqual(["Old"]);
    const shown = payloadOf<{ email: { safeHtml: string; text: string } }>(
      await run(mailboxEmail.loader, await getRequest(`/admin/dev/mailbox/${evil.id}`, { userId: adminId }), {
        emailId: evil.id,
      }),
    );
    expect(shown.email.text).toBe("hello");
    expect(shown.email.safeHtml).not.toMatch(/script|onclick|javascript:/);
    expect(shown.email.safeHtml).toContain("Hi");
    expect(shown.email).not.toHaveProperty("html");
  });
});

describe("admin dev mailbox with SMTP configured", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("answers 404 on every mailbox page and drops it from the admin navigation", async () => {
    await resetDatabase();
    const adminId = (await createUser({ roles: ["admin"] })).id;
    const stored = await createEmailMessage({ to: "a@example.com", subject: "Reset", text: "https://verso.test/reset?token=x" });
    vi.resetModules();
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
    const list = await import("~/routes/admin+/dev.mailbox._index");
    const one = await import("~/routes/admin+/dev.mailbox.$emailId");
    const layout = await import("~/routes/admin+/_layout");
    expect(statusOf(await run(list.loader, await getRequest("/admin/dev/mailbox", { userId: adminId })))).toBe(404);
    const shown = await run(one.loader, await getRequest(`/admin/dev/mailbox/${stored.id}`, { userId: adminId }), {
      emailId: stored.id,
    });
    expect(statusOf(shown)).toBe(404);
    expect(await (shown as Response).text()).not.toContain("token");
    const nav = payloadOf<{ nav: Array<{ to: string }> }>(
      await run(layout.loader, await getRequest("/admin", { userId: adminId })),
    );
    expect(nav.nav.map((item) => item.to)).not.toContain("/admin/dev/mailbox");
    expect(nav.nav.map((item) => item.to)).toContain("/admin/audit");
  });

  it("still needs read:mailbox:any without SMTP, and lists the mailbox in the navigation", async () => {
    await resetDatabase();
    const plain = (await createUser({ roles: ["blogger"] })).id;
    const admin = (await createUser({ roles: ["admin"] })).id;
    expect(statusOf(await run(mailbox.loader, await getRequest("/admin/dev/mailbox", { userId: plain })))).toBe(403);
    const layout = await import("~/routes/admin+/_layout");
    const nav = payloadOf<{ nav: Array<{ to: string }> }>(
      await run(layout.loader, await getRequest("/admin", { userId: admin })),
    );
    expect(nav.nav.map((item) => item.to)).toContain("/admin/dev/mailbox");
  });
});
