// /admin/emails (the e-mail log: search, filters, detail, sandboxed preview, re-send) and
// /admin/settings (the business profile every e-mail shows).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { prisma } from "~/infra/db.server";
import * as email from "~/routes/admin+/emails.$emailId";
import * as preview from "~/routes/admin+/emails.$emailId.preview";
import * as emails from "~/routes/admin+/emails._index";
import * as settings from "~/routes/admin+/settings";
import { createEmailMessage } from "../factories/emails";
import { createUser, createUserWithPermissions } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

type ListPayload = { emails: Array<{ subject: string; to: string }>; total: number; query: { page: number } };

async function list(adminId: string, search = "") {
  return payloadOf<ListPayload>(await run(emails.loader, await getRequest(`/admin/emails${search}`, { userId: adminId })));
}

describe("admin e-mail log", () => {
  let adminId: string;
  let plainId: string;

  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
    plainId = (await createUser({ roles: ["user"] })).id;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("refuses a person without read:email:any in every loader and the action, changing nothing", async () => {
    const failed = await createEmailMessage({ to: "x@example.com", subject: "Broken", status: "failed", error: "boom" });
    const params = { emailId: failed.id };
    expect(statusOf(await run(emails.loader, await getRequest("/admin/emails", { userId: plainId })))).toBe(403);
    expect(statusOf(await run(email.loader, await getRequest(`/admin/emails/${failed.id}`, { userId: plainId }), params))).toBe(
      403,
    );
    const previewAnswer = await run(
      preview.loader,
      await getRequest(`/admin/emails/${failed.id}/preview`, { userId: plainId }),
      params,
    );
    expect(statusOf(previewAnswer)).toBe(403);
    expect((previewAnswer as Response).headers.get("Content-Security-Policy")).toBe(preview.PREVIEW_CSP);
    const resend = await run(
      email.action,
      await formRequest(`/admin/emails/${failed.id}`, { intent: "resend" }, { userId: plainId }),
      params,
    );
    expect(statusOf(resend)).toBe(403);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "failed",
      error: "boom",
    });
    expect(await prisma.outboxEvent.count()).toBe(0);
  });

  it("searches recipient and subject, filters by status and template, and pages", async () => {
    await createEmailMessage({ to: "ana@example.com", subject: "Your invoice", template: "plain", status: "sent" });
    await createEmailMessage({
      to: "bo@example.com",
      subject: "Spring NEWS",
      template: "broadcast",
      category: "marketing",
      status: "failed",
    });
    await createEmailMessage({
      to: "cy@example.com",
      subject: "Reset your password",
      template: "password-reset",
      status: "queued",
    });
    expect((await list(adminId, "?q=ANA@")).emails.map((e) => e.to)).toEqual(["ana@example.com"]);
    expect((await list(adminId, "?q=news")).emails.map((e) => e.subject)).toEqual(["Spring NEWS"]);
    expect((await list(adminId, "?status=queued")).emails.map((e) => e.to)).toEqual(["cy@example.com"]);
    expect((await list(adminId, "?template=broadcast")).emails.map((e) => e.to)).toEqual(["bo@example.com"]);
    expect((await list(adminId, "?template=evil%27--&status=nope")).total).toBe(3); // unknown filters are ignored

    for (let i = 0; i < 27; i++) {
      await createEmailMessage({
        to: `bulk${i}@example.com`,
        subject: `Bulk ${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
      });
    }
    const second = await list(adminId, "?q=bulk&page=2");
    expect(second.total).toBe(27);
    expect(second.query.page).toBe(2);
    expect(second.emails.map((e) => e.subject)).toEqual(["Bulk 1", "Bulk 0"]);
    expect((await list(adminId, "?q=bulk&page=99")).query.page).toBe(2); // past the end: the last page
  });

  it("shows a message's metadata and text, and serves its HTML only through the locked-down preview", async () => {
    const { id } = await queueTemplateEmail(prisma, {
      to: "reader@example.com",
      template: "broadcast",
      props: { subject: "Spring news", bodyText: "Hello readers." },
    });
    const detail = payloadOf<{ email: Record<string, unknown> }>(
      await run(email.loader, await getRequest(`/admin/emails/${id}`, { userId: adminId }), { emailId: id }),
    );
    expect(detail.email).toMatchObject({
      to: "reader@example.com",
      subject: "Spring news",
      template: "broadcast",
      category: "marketing",
      status: "queued",
      bodiesHidden: false,
      hasHtml: true,
    });
    expect(detail.email.text).toContain("Hello readers.");
    expect(detail.email).not.toHaveProperty("html");
    expect((detail.email.headers as Array<[string, string]>).map(([name]) => name)).toEqual([
      "List-Unsubscribe",
      "List-Unsubscribe-Post",
    ]);

    const answer = (await run(preview.loader, await getRequest(`/admin/emails/${id}/preview`, { userId: adminId }), {
      emailId: id,
    })) as Response;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox",
    );
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    expect(answer.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await answer.text()).toContain("Hello readers.");

    const missing = (await run(preview.loader, await getRequest("/admin/emails/nope/preview", { userId: adminId }), {
      emailId: "nope",
    })) as Response;
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Security-Policy")).toBe(preview.PREVIEW_CSP);
  });

  it("hides the bodies of one-time-link messages once SMTP is configured", async () => {
    const { id } = await queueTemplateEmail(prisma, {
      to: "nora@example.com",
      template: "password-reset",
      props: { name: "Nora", url: "https://app.test/auth/reset-password?token=secret-token" },
    });
    const visible = payloadOf<{ email: { text: string | null } }>(
      await run(email.loader, await getRequest(`/admin/emails/${id}`, { userId: adminId }), { emailId: id }),
    );
    expect(visible.email.text).toContain("secret-token"); // the development mailbox stands in for SMTP

    vi.resetModules();
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
    const detailRoute = await import("~/routes/admin+/emails.$emailId");
    const previewRoute = await import("~/routes/admin+/emails.$emailId.preview");
    const hidden = payloadOf<{ email: Record<string, unknown> }>(
      await run(detailRoute.loader, await getRequest(`/admin/emails/${id}`, { userId: adminId }), { emailId: id }),
    );
    expect(hidden.email).toMatchObject({ bodiesHidden: true, text: null, hasHtml: false, subject: "Reset your password" });
    expect(JSON.stringify(hidden)).not.toContain("secret-token");
    const framed = (await run(previewRoute.loader, await getRequest(`/admin/emails/${id}/preview`, { userId: adminId }), {
      emailId: id,
    })) as Response;
    expect(framed.status).toBe(403);
    expect(await framed.text()).not.toContain("secret-token");
  });

  it("shows one-time links only to a holder of the mailbox permission, and re-sending needs update:email:any", async () => {
    const { id } = await queueTemplateEmail(prisma, {
      to: "nora@example.com",
      template: "password-reset",
      props: { name: "Nora", url: "https://app.test/auth/reset-password?token=secret-token" },
    });
    const reader = (await createUserWithPermissions("log-reader", ["read:admin:any", "read:email:any"])).id;
    const detail = await run(email.loader, await getRequest(`/admin/emails/${id}`, { userId: reader }), { emailId: id });
    expect(payloadOf<{ email: Record<string, unknown>; canResend: boolean }>(detail)).toMatchObject({
      email: { bodiesHidden: true, text: null },
      canResend: false,
    });
    expect(JSON.stringify(payloadOf(detail))).not.toContain("secret-token");
    const framed = (await run(preview.loader, await getRequest(`/admin/emails/${id}/preview`, { userId: reader }), {
      emailId: id,
    })) as Response;
    expect(framed.status).toBe(403);

    const failed = await createEmailMessage({ to: "x@example.com", subject: "Broken", status: "failed", error: "boom" });
    const resend = await run(
      email.action,
      await formRequest(`/admin/emails/${failed.id}`, { intent: "resend" }, { userId: reader }),
      { emailId: failed.id },
    );
    expect(statusOf(resend)).toBe(403);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "failed" });
  });

  it("re-sends a failed message (queued again, one new job, audited) and refuses to re-send a sent one", async () => {
    const failed = await createEmailMessage({
      to: "x@example.com",
      subject: "Broken",
      status: "failed",
      error: "550 mailbox full",
      attempts: 6,
    });
    const sent = await createEmailMessage({ to: "y@example.com", subject: "Fine", status: "sent" });
    const resent = await run(
      email.action,
      await formRequest(`/admin/emails/${failed.id}`, { intent: "resend" }, { userId: adminId }),
      { emailId: failed.id },
    );
    expect(statusOf(resent)).toBe(302);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "queued",
      error: null,
      attempts: 6,
    });
    const events = await prisma.outboxEvent.findMany({ select: { name: true, payload: true } });
    expect(events).toEqual([{ name: "send_email", payload: { messageId: failed.id } }]);
    expect(await prisma.auditLog.count({ where: { action: "email.resent", entityId: failed.id, actorId: adminId } })).toBe(1);

    const again = await run(
      email.action,
      await formRequest(`/admin/emails/${sent.id}`, { intent: "resend" }, { userId: adminId }),
      { emailId: sent.id },
    );
    expect(statusOf(again)).toBe(409);
    expect(payloadOf<{ message: string }>(again).message).toBe("Only failed messages can be sent again.");
    expect(await prisma.outboxEvent.count()).toBe(1);
  });
});

describe("admin settings: business profile", () => {
  let adminId: string;
  beforeEach(async () => {
    await resetDatabase();
    adminId = (await createUser({ roles: ["admin"] })).id;
  });

  it("saves the profile with an audit row, and the next e-mail shows it", async () => {
    const fields = {
      name: "Acme Bikes",
      logoUrl: "https://cdn.acme.test/logo.png",
      postalAddress: "1 Canal Street\nAmsterdam",
      supportEmail: "Help@Acme.test",
    };
    const saved = await run(settings.action, await formRequest("/admin/settings", fields, { userId: adminId }));
    expect(statusOf(saved)).toBe(302);
    expect(await prisma.businessProfile.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      name: "Acme Bikes",
      logoUrl: "https://cdn.acme.test/logo.png",
      postalAddress: "1 Canal Street\nAmsterdam",
      supportEmail: "help@acme.test",
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "settings.business_profile_updated" } });
    expect(audit).toMatchObject({ actorId: adminId, before: { name: "Verso", logoUrl: null }, after: { name: "Acme Bikes" } });

    const { id } = await queueTemplateEmail(prisma, {
      to: "a@example.com",
      template: "password-changed",
      props: { name: "A", url: "https://app.test/account/security" },
    });
    const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(message.subject).toBe("Your Acme Bikes password was changed");
    expect(message.html).toContain('src="https://cdn.acme.test/logo.png"');
    expect(message.text).toContain("help@acme.test");
  });

  it("refuses an http logo and a bad support address next to the fields, keeping the values and saving nothing", async () => {
    const fields = { name: "Acme", logoUrl: "http://cdn.acme.test/logo.png", postalAddress: "", supportEmail: "nope" };
    const refused = await run(settings.action, await formRequest("/admin/settings", fields, { userId: adminId }));
    expect(statusOf(refused)).toBe(400);
    const { result } = payloadOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(refused);
    expect(result.error.logoUrl).toEqual(["Enter an https:// address."]);
    expect(result.error.supportEmail).toEqual(["Enter a valid e-mail address."]);
    expect(result.initialValue.logoUrl).toBe("http://cdn.acme.test/logo.png");
    expect(await prisma.businessProfile.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });
});
