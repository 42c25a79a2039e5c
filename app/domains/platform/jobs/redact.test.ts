import { describe, expect, it } from "vitest";
import { HIDDEN_BODY, REDACTED, redactPayload, redactText } from "./redact";

describe("redactPayload", () => {
  it("replaces values under secret-looking keys at any depth, keeping the rest", () => {
    expect(
      redactPayload({
        userId: "u1",
        resetToken: "abc",
        nested: { magicLink: "https://x/y?t=1", list: [{ otp: "123456", label: "keep" }], Authorization: "Bearer z" },
        apiKey: "k",
        password: "p",
        clientSecret: "s",
        verificationCode: "999",
      }),
    ).toEqual({
      userId: "u1",
      resetToken: REDACTED,
      nested: { magicLink: REDACTED, list: [{ otp: REDACTED, label: "keep" }], Authorization: REDACTED },
      apiKey: REDACTED,
      password: REDACTED,
      clientSecret: REDACTED,
      verificationCode: REDACTED,
    });
  });

  it("replaces the job's declared secret keys even when their names look harmless", () => {
    expect(redactPayload({ url: "https://hook", signingMaterial: "x", count: 2 }, ["url", "signingMaterial"])).toEqual({
      url: REDACTED,
      signingMaterial: REDACTED,
      count: 2,
    });
  });

  it("never shows e-mail bodies", () => {
    expect(redactPayload({ to: "a@example.com", subject: "Hi", html: "<p>secret</p>", text: "secret", body: "x" })).toEqual({
      to: "a@example.com",
      subject: "Hi",
      html: HIDDEN_BODY,
      text: HIDDEN_BODY,
      body: HIDDEN_BODY,
    });
  });

  it("keeps empty secrets visibly empty, leaves scalars and arrays of scalars alone, and does not change its input", () => {
    const input = { token: null, ids: [1, 2], flag: true };
    expect(redactPayload(input)).toEqual({ token: null, ids: [1, 2], flag: true });
    const secret = { token: "t" };
    redactPayload(secret);
    expect(secret).toEqual({ token: "t" });
    expect(redactPayload("plain")).toBe("plain");
    expect(redactPayload(null)).toBeNull();
  });
});

describe("redactText", () => {
  it("replaces payload secrets quoted in an error or stack, leaving the rest", () => {
    const payload = { email: "ana@example.com", magicLink: "https://app.test/verify?t=abcdef123", nested: { code: "482913" } };
    const error = "Error: could not send https://app.test/verify?t=abcdef123 (code 482913) to ana@example.com";
    expect(redactText(error, payload)).toBe("Error: could not send [redacted] (code [redacted]) to ana@example.com");
  });

  it("uses the job's own secret keys and leaves text without secrets alone", () => {
    expect(redactText("boom: hunter22", { phrase: "hunter22" }, ["phrase"])).toBe("boom: [redacted]");
    expect(redactText("plain failure", { phrase: "hunter22" })).toBe("plain failure");
  });
});
