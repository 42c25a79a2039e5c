// Unsubscribing from marketing mail: the footer link's confirmation page (CSRF form) and the RFC 8058
// one-click POST (no cookies, the signed token is the authentication). A tampered token changes
// nothing; a suppressed address gets no marketing mail (but still gets account mail).
import { beforeEach, describe, expect, it } from "vitest";
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import { createUnsubscribeToken } from "~/domains/platform/email/unsubscribe-token.server";
import { prisma } from "~/infra/db.server";
import * as oneClick from "~/routes/_public+/email.unsubscribe_.one-click";
import * as page from "~/routes/_public+/email.unsubscribe";
import { drainOutbox } from "../setup/outbox";
import { BASE, formRequest, getRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

function oneClickPost(token: string, body = "List-Unsubscribe=One-Click") {
  return new Request(`${BASE}/email/unsubscribe/one-click?${new URLSearchParams({ token })}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** The same token with the first character of its signature changed. */
function tampered(token: string) {
  const [payload, signature] = token.split(".");
  return `${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
}

const broadcast = (to: string) =>
  queueTemplateEmail(prisma, { to, template: "broadcast", props: { subject: "News", bodyText: "Hello." } });

describe("unsubscribe", () => {
  beforeEach(resetDatabase);

  it("one-click: a cookie-less POST with the header's URL suppresses the address", async () => {
    const token = createUnsubscribeToken("Reader@Example.com");
    const response = (await run(oneClick.action, oneClickPost(token))) as Response;
    expect(response.status).toBe(200);
    expect(await prisma.emailSuppression.findUnique({ where: { email: "reader@example.com" } })).toMatchObject({
      reason: "one-click",
    });
    // Posting again is harmless.
    expect(statusOf(await run(oneClick.action, oneClickPost(token)))).toBe(200);
    expect(await prisma.emailSuppression.count()).toBe(1);
  });

  it("one-click: refuses a tampered token, a token for another address and a wrong body, changing nothing", async () => {
    const token = createUnsubscribeToken("reader@example.com");
    expect(statusOf(await run(oneClick.action, oneClickPost(tampered(token))))).toBe(400);
    const [, signature] = token.split(".");
    const otherAddress = `${Buffer.from("victim@example.com").toString("base64url")}.${signature}`;
    expect(statusOf(await run(oneClick.action, oneClickPost(otherAddress)))).toBe(400);
    expect(statusOf(await run(oneClick.action, oneClickPost(token, "unsubscribe=yes")))).toBe(400);
    expect(await prisma.emailSuppression.count()).toBe(0);
  });

  it("the footer link shows a confirmation; only the confirmed form (with CSRF) suppresses", async () => {
    const token = createUnsubscribeToken("reader@example.com");
    const shown = await run(page.loader, await getRequest(`/email/unsubscribe?${new URLSearchParams({ token })}`));
    expect(statusOf(shown)).toBe(200);
    expect(payloadOf<{ email: string }>(shown).email).toBe("reader@example.com");
    expect(await prisma.emailSuppression.count()).toBe(0); // opening the link changes nothing

    const withoutCsrf = await run(page.action, await formRequest("/email/unsubscribe", { token }, { csrf: false }));
    expect(statusOf(withoutCsrf)).toBe(403);
    expect(await prisma.emailSuppression.count()).toBe(0);

    const done = await run(page.action, await formRequest("/email/unsubscribe", { token }));
    expect(payloadOf<{ done: boolean; email: string }>(done)).toEqual({ done: true, email: "reader@example.com" });
    expect(await prisma.emailSuppression.findUnique({ where: { email: "reader@example.com" } })).toMatchObject({
      reason: "unsubscribe",
    });
    expect(await prisma.auditLog.count({ where: { action: "email.unsubscribed", entityId: "reader@example.com" } })).toBe(1);
  });

  it("the page refuses a tampered token (400) and its form changes nothing", async () => {
    const token = tampered(createUnsubscribeToken("reader@example.com"));
    const shown = await run(page.loader, await getRequest(`/email/unsubscribe?${new URLSearchParams({ token })}`));
    expect(statusOf(shown)).toBe(400);
    expect(payloadOf<{ email: string | null }>(shown).email).toBeNull();
    const posted = await run(page.action, await formRequest("/email/unsubscribe", { token }));
    expect(statusOf(posted)).toBe(400);
    expect(await prisma.emailSuppression.count()).toBe(0);
  });

  it("a suppressed address gets no marketing mail, but still gets account mail", async () => {
    await prisma.emailSuppression.create({ data: { email: "gone@example.com", reason: "one-click" } });
    const skipped = await broadcast("Gone@Example.com");
    expect(skipped.suppressed).toBe(true);
    expect(await prisma.outboxEvent.count()).toBe(0); // nothing to send
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: skipped.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/unsubscribed/),
    });

    const account = await queueTemplateEmail(prisma, {
      to: "gone@example.com",
      template: "password-changed",
      props: { name: "Gone", url: "https://app.test/account/security" },
    });
    expect(account.suppressed).toBe(false);
    await drainOutbox();
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("sent");
  });

  it("marketing mail queued before the address unsubscribed is not sent and not retried", async () => {
    const queued = await broadcast("late@example.com");
    expect(queued.suppressed).toBe(false);
    const token = createUnsubscribeToken("late@example.com");
    expect(statusOf(await run(oneClick.action, oneClickPost(token)))).toBe(200);
    await drainOutbox();
    const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(message).toMatchObject({ status: "failed", sentAt: null, transport: null });
    expect(message.error).toMatch(/unsubscribed/);
    expect(await prisma.outboxEvent.count({ where: { status: "pending" } })).toBe(0);
  });
});
