// The e-mail module speaks real SMTP when SMTP_URL is set (a local smtp-server receives it), and
// stores the message in the development mailbox when it is not.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetSmtpTransport } from "~/infra/email/smtp.server";
import { prisma } from "~/infra/db.server";
import { resetDatabase } from "../setup/reset";

type Received = { from: string; to: string[]; raw: string };

describe("sendEmail", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    resetSmtpTransport();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(async () => {
    await resetDatabase();
    received.length = 0;
    vi.resetModules();
    vi.unstubAllEnvs();
  });

  it("delivers over SMTP when SMTP_URL is set, and stores nothing locally", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    vi.stubEnv("MAIL_FROM", "Verso <no-reply@verso.test>");
    const { sendEmail } = await import("~/domains/platform/email.server");
    const result = await sendEmail({ to: "ana@example.com", subject: "Verify your e-mail", text: "Open https://verso.test/x" });
    expect(result.delivery).toBe("smtp");
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe("no-reply@verso.test");
    expect(received[0].to).toEqual(["ana@example.com"]);
    expect(received[0].raw).toContain("Subject: Verify your e-mail");
    expect(received[0].raw).toContain("Open https://verso.test/x");
    expect(await prisma.devEmail.count()).toBe(0);
  });

  it("stores the message in the development mailbox when SMTP_URL is unset", async () => {
    vi.stubEnv("SMTP_URL", "");
    const { sendEmail, listDevEmails } = await import("~/domains/platform/email.server");
    const result = await sendEmail({ to: "bo@example.com", subject: "Reset your password", text: "link" });
    expect(result.delivery).toBe("dev-mailbox");
    expect(received).toHaveLength(0);
    const { items } = await listDevEmails({ page: 1, pageSize: 10 });
    expect(items.map((m) => [m.to, m.subject])).toEqual([["bo@example.com", "Reset your password"]]);
  });
});
