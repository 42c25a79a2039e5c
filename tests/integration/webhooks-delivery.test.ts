// Outgoing webhooks end to end against real PostgreSQL and a local receiver: signing, fan-out
// idempotency, retries with their attempt log, auto-disable, redelivery, and the user events.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // before anything reads the configuration: instant retries, and the loopback receiver allowed
  process.env.JOB_BACKOFF_MS = "0";
  process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "true";
});

import { confirmEmailChange, requestEmailChange } from "~/domains/identity/email-change.server";
import { registerUser } from "~/domains/identity/registration.server";
import { updateProfile } from "~/domains/identity/profile.server";
import { createUserByAdmin, setUserRoles, setUserStatus, updateUserProfile } from "~/domains/identity/user-admin.server";
import { AUTO_DISABLE_AFTER } from "~/domains/platform/webhooks/attempts.server";
import { redeliverWebhook } from "~/domains/platform/webhooks/deliveries.server";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "~/domains/platform/webhooks/endpoints.server";
import { emitDomainEvent } from "~/domains/platform/webhooks/events.server";
import { webhookDeliverJob } from "~/domains/platform/webhooks/webhook.jobs.server";
import { prisma } from "~/infra/db.server";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase } from "../setup/reset";
import { startReceiver, verifyStandardWebhook, type Reply } from "./webhooks-helpers";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let adminId: string;
let answer: (index: number) => Reply;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "admin@example.com", roles: ["admin"] })).id;
  answer = () => ({ status: 200, body: "ok" });
  receiver = await startReceiver((_request, index) => answer(index));
});

afterEach(async () => {
  await receiver.close();
});

async function endpoint(events: Array<"user.created" | "user.updated"> = ["user.created", "user.updated"]) {
  return createWebhookEndpoint({ actorId: adminId, ipAddress: null, url: receiver.url(), description: "test", events });
}

async function adminCreatesUser(email = "new@example.com") {
  return createUserByAdmin({
    actorId: adminId,
    ipAddress: null,
    name: "New Person",
    email,
    timeZone: "Europe/Madrid",
    locale: "es",
    roleNames: ["user"],
  });
}

function bodies() {
  return receiver.received.map(
    (request) => JSON.parse(request.body) as { type: string; timestamp: string; data: Record<string, unknown> },
  );
}

describe("webhook delivery", () => {
  it("signs each delivery the Standard Webhooks way and sends the documented headers and body", async () => {
    const { secret, endpoint: created } = await endpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretEncrypted).not.toContain(secret.slice(6));

    const before = Math.floor(Date.now() / 1000);
    const user = await adminCreatesUser();
    await drainOutbox();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.path).toBe("/hook");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("Verso-Webhooks");
    expect(request.headers["webhook-id"]).toMatch(/^msg_[\w-]{24}$/);
    const timestamp = Number(request.headers["webhook-timestamp"]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(verifyStandardWebhook(secret, request.headers, request.body)).toBe(true);
    expect(verifyStandardWebhook(secret, request.headers, request.body.replace("New Person", "Evil Person"))).toBe(false);
    expect(verifyStandardWebhook(`whsec_${Buffer.alloc(32).toString("base64")}`, request.headers, request.body)).toBe(false);

    const body = JSON.parse(request.body);
    expect(Object.keys(body)).toEqual(["type", "timestamp", "data"]);
    expect(body.type).toBe("user.created");
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(body.data).toEqual({
      id: user.id,
      email: "new@example.com",
      name: "New Person",
      status: "active",
      locale: "es",
      timeZone: "Europe/Madrid",
      roles: ["user"],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: String(request.headers["webhook-id"]) },
      include: { attemptLog: true },
    });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, eventType: "user.created" });
    expect(delivery.attemptLog).toHaveLength(1);
    expect(delivery.attemptLog[0]).toMatchObject({ responseStatus: 200, responseBody: "ok", error: null });
    const logged = delivery.attemptLog[0].requestHeaders as Record<string, string>;
    expect(logged["webhook-id"]).toBe(delivery.id);
    expect(JSON.stringify(logged)).not.toContain(secret.slice(6));
  });

  it("fires one delivery when the same event is relayed twice", async () => {
    await endpoint();
    await adminCreatesUser();
    await drainOutbox();
    expect(receiver.received).toHaveLength(1);

    // a relay that died after handing the events on: every event runs a second time
    const { count } = await prisma.outboxEvent.updateMany({ data: { status: "pending", attempts: 0 } });
    expect(count).toBeGreaterThanOrEqual(2);
    await drainOutbox();

    expect(receiver.received).toHaveLength(1);
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { name: "webhook_deliver" } })).toBe(1);
    // the second run of each job succeeded by doing nothing, rather than failing on a duplicate
    expect(await prisma.outboxEvent.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("gives up at once, without sending, when the signing secret cannot be decrypted", async () => {
    const { endpoint: created } = await endpoint();
    await prisma.webhookEndpoint.update({ where: { id: created.id }, data: { secretEncrypted: "v1:broken:secret:value" } });
    await adminCreatesUser();
    await drainOutbox();
    expect(receiver.received).toHaveLength(0);
    expect(await prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({
      status: "failed",
      lastError: expect.stringContaining("cannot be decrypted"),
    });
    expect(await prisma.outboxEvent.findFirstOrThrow({ where: { name: "webhook_deliver" } })).toMatchObject({
      status: "dead",
      attempts: 1,
    });
  });

  it("sends an event only to the enabled endpoints that subscribe to its type", async () => {
    const updatesOnly = await endpoint(["user.updated"]);
    const off = await endpoint(["user.created"]);
    await setWebhookEndpointEnabled({ actorId: adminId, ipAddress: null, endpointId: off.endpoint.id, enabled: false });
    await adminCreatesUser();
    await drainOutbox();
    expect(receiver.received).toHaveLength(0);
    expect(await prisma.webhookDelivery.count()).toBe(0);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    await setUserStatus({ actorId: adminId, ipAddress: null, userId: user.id, status: "deactivated" });
    await drainOutbox();
    expect(bodies().map((b) => [b.type, b.data.status])).toEqual([["user.updated", "deactivated"]]);
    expect(await prisma.webhookDelivery.findFirst({ select: { endpointId: true } })).toEqual({
      endpointId: updatesOnly.endpoint.id,
    });
  });

  it("retries a failing endpoint with backoff, logs each attempt, then marks the delivery failed", async () => {
    answer = () => ({ status: 500, body: `${"x".repeat(3000)}` });
    await endpoint();
    await adminCreatesUser();
    await drainOutbox();

    const attempts = webhookDeliverJob.attempts;
    expect(receiver.received).toHaveLength(attempts);
    // every attempt is the same message: same id, a fresh timestamp and signature each time
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({
      include: { attemptLog: { orderBy: { attemptedAt: "asc" } } },
    });
    expect(delivery).toMatchObject({ status: "failed", attempts, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(delivery.completedAt).not.toBeNull();
    expect(delivery.attemptLog).toHaveLength(attempts);
    for (const attempt of delivery.attemptLog) {
      expect(attempt.responseStatus).toBe(500);
      expect(attempt.responseBody).toBe("x".repeat(2048));
      expect(attempt.error).toBe("HTTP 500");
    }
    const job = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "webhook_deliver" } });
    expect(job).toMatchObject({ status: "dead", attempts });
    const stored = await prisma.webhookEndpoint.findFirstOrThrow();
    expect(stored).toMatchObject({ enabled: true, consecutiveFailures: attempts });
  });

  it("does not follow redirects, and logs a connection failure with its error", async () => {
    const target = await startReceiver();
    answer = () => ({ status: 302, headers: { location: target.url("/elsewhere") } });
    await endpoint();
    await adminCreatesUser();
    await drainOutbox();
    expect(target.received).toHaveLength(0);
    expect(await prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "failed", lastStatusCode: 302 });
    await target.close();

    // nothing listens there any more
    const gone = await createWebhookEndpoint({
      actorId: adminId,
      ipAddress: null,
      url: target.url(),
      description: "",
      events: ["user.updated"],
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    await setUserRoles({ actorId: adminId, ipAddress: null, userId: user.id, roleNames: ["user", "blogger"] });
    await drainOutbox();
    const attempt = await prisma.webhookAttempt.findFirstOrThrow({ where: { delivery: { endpointId: gone.endpoint.id } } });
    expect(attempt).toMatchObject({ responseStatus: null, responseBody: null });
    expect(attempt.error).toContain("ECONNREFUSED");
  });

  it(`disables an endpoint after ${AUTO_DISABLE_AFTER} failed attempts in a row and shows why; enabling resets the count`, async () => {
    answer = () => ({ status: 503, body: "down" });
    const { endpoint: created } = await endpoint();
    await adminCreatesUser("one@example.com");
    await adminCreatesUser("two@example.com");
    await drainOutbox();

    // two deliveries of up to 8 attempts each: the endpoint stops at the 15th failure
    expect(receiver.received).toHaveLength(AUTO_DISABLE_AFTER);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.enabled).toBe(false);
    expect(stored.disabledAt).not.toBeNull();
    expect(stored.disabledReason).toBe(`Disabled after ${AUTO_DISABLE_AFTER} consecutive failed deliveries; last: HTTP 503`);
    expect((await prisma.webhookDelivery.findMany()).map((d) => d.status)).toEqual(["failed", "failed"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "webhook.endpoint.auto_disable" } });
    expect(audit).toMatchObject({ actorId: null, entityId: created.id });

    await setWebhookEndpointEnabled({ actorId: adminId, ipAddress: null, endpointId: created.id, enabled: true });
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
    });
  });

  it("a success resets the run of failures", async () => {
    answer = (index) => (index < 3 ? { status: 500 } : { status: 204 });
    await endpoint();
    await adminCreatesUser();
    await drainOutbox();
    expect(receiver.received).toHaveLength(4);
    expect(await prisma.webhookEndpoint.findFirstOrThrow()).toMatchObject({ consecutiveFailures: 0, enabled: true });
    expect(await prisma.webhookDelivery.findFirstOrThrow()).toMatchObject({
      status: "succeeded",
      attempts: 4,
      lastStatusCode: 204,
    });
  });

  it("redelivers with the same webhook-id and body; a pending delivery cannot be redelivered", async () => {
    const { secret, endpoint: created } = await endpoint();
    await adminCreatesUser();
    await drainOutbox();
    const delivery = await prisma.webhookDelivery.findFirstOrThrow();

    await redeliverWebhook({ actorId: adminId, ipAddress: null, endpointId: created.id, deliveryId: delivery.id });
    await expect(
      redeliverWebhook({ actorId: adminId, ipAddress: null, endpointId: created.id, deliveryId: delivery.id }),
    ).rejects.toMatchObject({ code: "webhook.delivery-pending" });
    await drainOutbox();

    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second.headers["webhook-id"]).toBe(delivery.id);
    expect(second.body).toBe(first.body);
    expect(verifyStandardWebhook(secret, second.headers, second.body)).toBe(true);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "succeeded",
      attempts: 2,
    });
    expect(await prisma.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { action: "webhook.delivery.redeliver" } })).toBe(1);
  });

  it("writes no event when the change rolls back", async () => {
    await endpoint();
    await expect(
      prisma.$transaction(async (tx) => {
        await emitDomainEvent(tx, "user.updated", {
          id: "u1",
          email: "a@example.com",
          name: "A",
          status: "active",
          locale: "en",
          timeZone: "UTC",
          roles: [],
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        });
        throw new Error("rule broken");
      }),
    ).rejects.toThrow("rule broken");
    expect(await prisma.outboxEvent.count()).toBe(0);
  });
});

describe("user events", () => {
  beforeEach(async () => {
    await endpoint();
  });

  it("sign-up sends user.created", async () => {
    const user = await registerUser({
      name: "Signed Up",
      email: "Signed@Example.com",
      password: "Correct-horse-battery-9",
      locale: "en",
      timeZone: "UTC",
      ipAddress: "203.0.113.9",
    });
    await drainOutbox();
    expect(bodies().map((b) => [b.type, b.data.id, b.data.email, b.data.roles])).toEqual([
      ["user.created", user.id, "signed@example.com", ["user"]],
    ]);
    expect(JSON.stringify(bodies()[0])).not.toMatch(/hash|password|argon/i);
  });

  it("a confirmed e-mail change sends user.updated with the new address", async () => {
    const person = await createUser({ email: "old@example.com" });
    await requestEmailChange({ userId: person.id, currentPassword: TEST_PASSWORD, newEmail: "new-address@example.com" });
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: "email-change-confirm" } });
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    await confirmEmailChange({ userId: person.id, token });
    await drainOutbox();
    expect(bodies().map((b) => [b.type, b.data.id, b.data.email])).toEqual([
      ["user.updated", person.id, "new-address@example.com"],
    ]);
  });

  it("profile edits by the person and by an admin, role and status changes send user.updated", async () => {
    const person = await createUser({ email: "pat@example.com", name: "Pat" });
    await updateProfile({ userId: person.id, changes: { name: "Pat Two", timeZone: "Asia/Tokyo", locale: "en" } });
    await updateUserProfile({
      actorId: adminId,
      ipAddress: null,
      userId: person.id,
      name: "Pat Three",
      email: "pat3@example.com",
      timeZone: "Asia/Tokyo",
      locale: "en",
    });
    await setUserRoles({ actorId: adminId, ipAddress: null, userId: person.id, roleNames: ["blogger", "user"] });
    await setUserStatus({ actorId: adminId, ipAddress: null, userId: person.id, status: "deactivated" });
    // no change, no event
    await updateProfile({ userId: person.id, changes: { name: "Pat Three", timeZone: "Asia/Tokyo", locale: "en" } });
    await drainOutbox();

    const events = bodies().map((b) => ({ type: b.type, ...b.data }) as Record<string, unknown>);
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.type === "user.updated" && e.id === person.id)).toBe(true);
    // one event per change, each carrying the state right after it (delivery order is not promised)
    const states = events.map((e) => JSON.stringify([e.name, e.email, e.timeZone, e.roles, e.status])).sort();
    expect(states).toEqual(
      [
        ["Pat Two", "pat@example.com", "Asia/Tokyo", ["user"], "active"],
        ["Pat Three", "pat3@example.com", "Asia/Tokyo", ["user"], "active"],
        ["Pat Three", "pat3@example.com", "Asia/Tokyo", ["blogger", "user"], "active"],
        ["Pat Three", "pat3@example.com", "Asia/Tokyo", ["blogger", "user"], "deactivated"],
      ]
        .map((state) => JSON.stringify(state))
        .sort(),
    );
  });
});
