// /admin/audit filters and /admin/dev/mailbox listing and sanitized display.
import { beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma } from "~/infra/db.server";
import * as audit from "~/routes/admin+/audit";
import * as mailboxEmail from "~/routes/admin+/dev.mailbox.$emailId";
import * as mailbox from "~/routes/admin+/dev.mailbox._index";
import { createUser } from "../factories/users";
import { getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run } from "./admin-helpers";

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
});

describe("admin dev mailbox", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
  });

  it("lists newest first, filters by recipient, and shows HTML only sanitized", async () => {
    await prisma.devEmail.create({
      data: { to: "a@example.com", from: "app@example.com", subject: "Old", text: "old", createdAt: new Date("2024-01-01") },
    });
    const evil = await prisma.devEmail.create({
      data: {
        to: "b@example.com",
        from: "app@example.com",
        subject: "New",
        text: "hello",
        html: '<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">go</a></p>',
      },
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
