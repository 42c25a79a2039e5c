// E-mail over real SMTP: a local smtp-server receives what the send_email job hands to nodemailer.
// An SMTP outage makes the job fail and retry (the message stays queued with the error) until the
// last attempt marks it failed; the page that queued the mail answers normally all along.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/infra/db.server";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { formRequest } from "../setup/requests";
import { resetDatabase } from "../setup/reset";
import { readable, startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { run, statusOf } from "./admin-helpers";

/** A loopback port nobody listens on: start a server, note its port, stop it. */
async function deadPort(): Promise<number> {
  const sink = await startSmtpSink();
  await sink.close();
  return sink.port;
}

/** Fresh modules read the stubbed environment (getEnv caches per module instance). */
async function withSmtp(url: string) {
  vi.resetModules();
  vi.stubEnv("SMTP_URL", url);
  vi.stubEnv("MAIL_FROM", "Acme <no-reply@acme.test>");
  const { queueTemplateEmail } = await import("~/domains/platform/email/send-template.server");
  const { resetSmtpTransport } = await import("~/infra/email/smtp.server");
  return { queueTemplateEmail, resetSmtpTransport };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) back to text. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function headerOf(raw: string, name: string): string | null {
  const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const match = new RegExp(`^${name}: (.*)$`, "im").exec(unfolded);
  return match ? match[1] : null;
}

describe("e-mail over SMTP", () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    sink.received.length = 0;
  });
  afterEach(async () => {
    const { resetSmtpTransport } = await import("~/infra/email/smtp.server");
    resetSmtpTransport();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("delivers a transactional message with HTML and text parts, its subject and Message-ID, and no unsubscribe headers", async () => {
    const { queueTemplateEmail } = await withSmtp(sink.url);
    const { id } = await queueTemplateEmail(prisma, {
      to: "Ana@Example.com",
      locale: "es",
      template: "password-reset",
      props: { name: "Ana", url: "https://app.test/auth/reset-password?token=tok123" },
    });
    expect(sink.received).toHaveLength(0); // queued, not sent inside the request
    await drainOutbox();

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail.from).toBe("no-reply@acme.test");
    expect(mail.to).toEqual(["ana@example.com"]);
    const raw = readable(mail.raw);
    expect(headerOf(mail.raw, "Message-ID")).toBe(`<${id}@localhost>`);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(raw).toContain("https://app.test/auth/reset-password?token=tok123");
    expect(decodeWords(headerOf(mail.raw, "Subject") ?? "")).toBe("Restablece tu contraseña");
    expect(headerOf(mail.raw, "List-Unsubscribe")).toBeNull();
    expect(headerOf(mail.raw, "List-Unsubscribe-Post")).toBeNull();

    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "sent",
      transport: "smtp",
      attempts: 1,
      error: null,
      subject: "Restablece tu contraseña",
    });
    expect(row.providerMessageId).toBe(`<${id}@localhost>`);
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("gives marketing mail List-Unsubscribe (one-click URL and mailto) and List-Unsubscribe-Post", async () => {
    const { queueTemplateEmail } = await withSmtp(sink.url);
    await queueTemplateEmail(prisma, {
      to: "reader@example.com",
      template: "broadcast",
      props: { subject: "Spring news", bodyText: "Hello readers.\n\nSee you soon." },
    });
    await drainOutbox();

    expect(sink.received).toHaveLength(1);
    const raw = sink.received[0].raw;
    expect(headerOf(raw, "Subject")).toBe("Spring news");
    const listUnsubscribe = headerOf(raw, "List-Unsubscribe");
    expect(listUnsubscribe).toMatch(
      /^<http:\/\/localhost:\d+\/email\/unsubscribe\/one-click\?token=[\w.-]+>, <mailto:no-reply@acme\.test\?subject=unsubscribe>$/,
    );
    expect(headerOf(raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(readable(raw)).toContain("/email/unsubscribe?token=");
  });

  it("keeps the message queued with the error while SMTP is down, retries, and marks it failed after the last attempt", async () => {
    const { queueTemplateEmail } = await withSmtp(`smtp://127.0.0.1:${await deadPort()}`);
    const { id } = await queueTemplateEmail(prisma, {
      to: "bo@example.com",
      template: "password-changed",
      props: { name: "Bo", url: "https://app.test/account/security" },
    });
    await drainOutbox();

    const afterFirst = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(afterFirst.status).toBe("queued");
    expect(afterFirst.attempts).toBe(1);
    expect(afterFirst.error).toMatch(/ECONNREFUSED|connect/i);
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "send_email" } });
    expect(event.status).toBe("pending");
    expect(event.availableAt.getTime()).toBeGreaterThan(Date.now()); // waits for its backoff

    // Let every remaining retry come due at once.
    for (let attempt = 2; attempt <= 6; attempt++) {
      await prisma.outboxEvent.updateMany({ where: { id: event.id }, data: { availableAt: new Date() } });
      await drainOutbox();
    }
    const final = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(final).toMatchObject({ status: "failed", attempts: 6 });
    expect(final.error).toMatch(/ECONNREFUSED|connect/i);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("dead");
    expect(sink.received).toHaveLength(0);
  });

  it("a page that queues mail answers normally while SMTP is down", async () => {
    await withSmtp(`smtp://127.0.0.1:${await deadPort()}`);
    await createUser({ email: "outage@example.com" });
    const forgot = await import("~/routes/_auth+/auth.forgot-password");
    const result = await run(forgot.action, await formRequest("/auth/forgot-password", { email: "outage@example.com" }));
    expect(statusOf(result)).toBe(200);
    await expect(drainOutbox()).resolves.toBeUndefined();
    const message = await prisma.emailMessage.findFirstOrThrow({ where: { to: "outage@example.com" } });
    expect(message).toMatchObject({ template: "password-reset", status: "queued", attempts: 1 });
    expect(message.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
