// /admin/webhooks pages against the real database: permissions in every loader and action, the
// signing secret shown once, validation that keeps values and changes nothing, each endpoint
// action with its audit row, the delivery log and redelivery.
import { beforeEach, describe, expect, it } from "vitest";
import { decryptSecret } from "~/infra/crypto.server";
import { prisma } from "~/infra/db.server";
import * as list from "~/routes/admin+/webhooks._index";
import * as frame from "~/routes/admin+/webhooks.$endpointId";
import * as detail from "~/routes/admin+/webhooks.$endpointId._index";
import * as deliveryPage from "~/routes/admin+/webhooks.$endpointId.deliveries.$deliveryId";
import { createUser, createUserWithPermissions } from "../factories/users";
import { formRequest, getRequest } from "../setup/requests";
import { resetDatabase, rowCounts } from "../setup/reset";
import { payloadOf, run, statusOf } from "./admin-helpers";

const PUBLIC_URL = "https://93.184.216.34/hooks/verso";

async function userWithPermissions(roleName: string, keys: string[]) {
  return (await createUserWithPermissions(roleName, keys)).id;
}

type Created = { result: unknown; created: { id: string; url: string; secret: string } | null };
type FieldErrors = { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };

let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "admin@example.com", roles: ["admin", "user"] })).id;
});

async function createEndpoint(fields: Record<string, string | string[]> = {}, actor = adminId) {
  return run(
    list.action,
    await formRequest(
      "/admin/webhooks",
      { intent: "create", url: PUBLIC_URL, description: "CRM sync", events: ["user.created", "user.updated"], ...fields },
      { userId: actor },
    ),
  );
}

async function onEndpoint(endpointId: string, fields: Record<string, string | string[]>, actor = adminId) {
  return run(detail.action, await formRequest(`/admin/webhooks/${endpointId}`, fields, { userId: actor }), { endpointId });
}

describe("permissions", () => {
  it("refuses people without read:webhook:any in every loader and action, and readers in every action", async () => {
    const plain = (await createUser({ email: "plain@example.com", roles: ["user"] })).id;
    const reader = await userWithPermissions("hook-reader", ["read:admin:any", "read:webhook:any"]);
    const created = payloadOf<Created>(await createEndpoint()).created!;
    const delivery = await prisma.webhookDelivery.create({
      data: {
        id: "msg_test",
        endpointId: created.id,
        eventId: "e1",
        eventType: "user.created",
        status: "failed",
        payload: { type: "user.created", timestamp: new Date().toISOString(), data: {} },
      },
    });
    const params = { endpointId: created.id, deliveryId: delivery.id };
    const before = await rowCounts();

    for (const userId of [plain, reader]) {
      const expected = userId === plain ? 403 : 200;
      expect(statusOf(await run(list.loader, await getRequest("/admin/webhooks", { userId })))).toBe(expected);
      expect(statusOf(await run(frame.loader, await getRequest(`/admin/webhooks/${created.id}`, { userId }), params))).toBe(
        expected,
      );
      expect(statusOf(await run(detail.loader, await getRequest(`/admin/webhooks/${created.id}`, { userId }), params))).toBe(
        expected,
      );
      expect(
        statusOf(
          await run(
            deliveryPage.loader,
            await getRequest(`/admin/webhooks/${created.id}/deliveries/msg_test`, { userId }),
            params,
          ),
        ),
      ).toBe(expected);

      expect(statusOf(await createEndpoint({}, userId))).toBe(403);
      for (const intent of ["update", "disable", "rotate", "delete", "test"]) {
        expect(statusOf(await onEndpoint(created.id, { intent, url: PUBLIC_URL, events: "user.created" }, userId))).toBe(403);
      }
      const redeliver = await run(
        deliveryPage.action,
        await formRequest(`/admin/webhooks/${created.id}/deliveries/msg_test`, { intent: "redeliver" }, { userId }),
        params,
      );
      expect(statusOf(redeliver)).toBe(403);
    }
    const signedOut = await run(list.loader, await getRequest("/admin/webhooks"));
    expect(statusOf(signedOut)).toBe(302);
    // sessions were created by the requests above; nothing else changed
    const after = await rowCounts();
    expect({ ...after, Session: 0 }).toEqual({ ...before, Session: 0 });

    const readerView = payloadOf<{ canUpdate: boolean }>(
      await run(list.loader, await getRequest("/admin/webhooks", { userId: reader })),
    );
    expect(readerView.canUpdate).toBe(false);
  });
});

describe("endpoints", () => {
  it("adds an endpoint and shows its signing secret once", async () => {
    const result = await createEndpoint();
    expect(statusOf(result)).toBe(200);
    const { created } = payloadOf<Created>(result);
    expect(created?.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created!.id } });
    expect(stored).toMatchObject({
      url: PUBLIC_URL,
      description: "CRM sync",
      events: ["user.created", "user.updated"],
      enabled: true,
      createdById: adminId,
    });
    expect(decryptSecret(stored.secretEncrypted)).toBe(created!.secret);
    expect(await prisma.auditLog.findFirst({ where: { action: "webhook.endpoint.create", entityId: stored.id } })).toMatchObject({
      actorId: adminId,
      after: { url: PUBLIC_URL, events: ["user.created", "user.updated"], description: "CRM sync" },
    });

    const listing = await run(list.loader, await getRequest("/admin/webhooks", { userId: adminId }));
    expect(payloadOf<{ endpoints: Array<{ url: string }> }>(listing).endpoints.map((e) => e.url)).toEqual([PUBLIC_URL]);
    const page = await run(detail.loader, await getRequest(`/admin/webhooks/${stored.id}`, { userId: adminId }), {
      endpointId: stored.id,
    });
    for (const view of [listing, page]) {
      expect(JSON.stringify(payloadOf(view))).not.toContain(created!.secret.slice(6, 30));
      expect(JSON.stringify(payloadOf(view))).not.toContain("secretEncrypted");
    }
  });

  it.each([
    [{ url: "" }, "url", "Enter the endpoint URL."],
    [{ url: "hooks.example.com" }, "url", "Enter a complete URL, such as https://example.com/webhooks."],
    [{ url: "http://93.184.216.34/x" }, "url", "The URL must start with https://."],
    [
      { url: "https://127.0.0.1:8080/x" },
      "url",
      "This URL points at a private, local or reserved address, which Verso does not send to.",
    ],
    [
      { url: "https://169.254.169.254/latest" },
      "url",
      "This URL points at a private, local or reserved address, which Verso does not send to.",
    ],
    [{ events: [] }, "events", "Pick at least one event."],
    [{ events: ["user.deleted"] }, "events", "Pick events from the list."],
    [{ description: "x".repeat(201) }, "description", "Use at most 200 characters."],
  ])("refuses %o with a message on the field, keeps the values and stores nothing", async (fields, field, message) => {
    const before = await rowCounts();
    const result = await createEndpoint(fields);
    expect(statusOf(result)).toBe(400);
    const { result: reply, created } = payloadOf<FieldErrors & Created>(result);
    expect(created).toBeNull();
    expect(reply.error[field] ?? reply.error[`${field}[0]`]).toEqual([message]);
    expect(reply.initialValue.description).toBe("description" in fields ? fields.description : "CRM sync");
    const after = await rowCounts();
    expect({ ...after, Session: 0 }).toEqual({ ...before, Session: 0 });
  });

  it("edits, disables, enables, rotates, tests and deletes, with an audit row for each", async () => {
    const { id, secret } = payloadOf<Created>(await createEndpoint()).created!;

    const saved = await onEndpoint(id, { intent: "update", url: PUBLIC_URL, description: "Billing", events: "user.updated" });
    expect(statusOf(saved)).toBe(302);
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      description: "Billing",
      events: ["user.updated"],
    });
    expect(await prisma.auditLog.findFirst({ where: { action: "webhook.endpoint.update" } })).toMatchObject({
      before: { description: "CRM sync", events: ["user.created", "user.updated"] },
      after: { description: "Billing", events: ["user.updated"] },
    });
    const invalid = await onEndpoint(id, {
      intent: "update",
      url: "https://10.1.1.1/",
      description: "Other",
      events: "user.updated",
    });
    expect(statusOf(invalid)).toBe(400);
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      url: PUBLIC_URL,
      description: "Billing",
    });

    expect(statusOf(await onEndpoint(id, { intent: "disable" }))).toBe(302);
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: false,
      disabledReason: null,
    });
    const refusedTest = await onEndpoint(id, { intent: "test" });
    expect(statusOf(refusedTest)).toBe(409);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    await prisma.webhookEndpoint.update({
      where: { id },
      data: { consecutiveFailures: 15, disabledReason: "Disabled after 15 consecutive failed deliveries; last: HTTP 500" },
    });
    const disabledView = payloadOf<{ endpoint: { disabledReason: string } }>(
      await run(detail.loader, await getRequest(`/admin/webhooks/${id}`, { userId: adminId }), { endpointId: id }),
    );
    expect(disabledView.endpoint.disabledReason).toContain("15 consecutive");
    expect(statusOf(await onEndpoint(id, { intent: "enable" }))).toBe(302);
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    });

    const rotated = await onEndpoint(id, { intent: "rotate" });
    expect(statusOf(rotated)).toBe(200);
    const newSecret = payloadOf<{ secret: string }>(rotated).secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    expect(decryptSecret((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secretEncrypted)).toBe(newSecret);

    expect(statusOf(await onEndpoint(id, { intent: "test" }))).toBe(302);
    const ping = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    expect(ping).toMatchObject({ eventType: "webhook.test", status: "pending" });
    expect(await prisma.outboxEvent.findFirst({ where: { name: "webhook_deliver" } })).toMatchObject({
      payload: { deliveryId: ping.id },
    });

    const deleted = await onEndpoint(id, { intent: "delete" });
    expect(statusOf(deleted)).toBe(302);
    expect((deleted as Response).headers.get("Location")).toBe("/admin/webhooks");
    expect(await prisma.webhookEndpoint.count()).toBe(0);
    expect(await prisma.webhookDelivery.count()).toBe(0);

    const actions = (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "webhook.endpoint.create",
      "webhook.endpoint.update",
      "webhook.endpoint.disable",
      "webhook.endpoint.enable",
      "webhook.endpoint.rotate_secret",
      "webhook.endpoint.test",
      "webhook.endpoint.delete",
    ]);
    expect(statusOf(await onEndpoint(id, { intent: "disable" }))).toBe(404);
    expect(
      statusOf(await run(detail.loader, await getRequest(`/admin/webhooks/${id}`, { userId: adminId }), { endpointId: id })),
    ).toBe(404);
  });
});

describe("delivery log", () => {
  it("lists deliveries by page, shows each attempt, and redelivers a settled delivery once", async () => {
    const { id } = payloadOf<Created>(await createEndpoint()).created!;
    const base = Date.now() - 60_000;
    await prisma.webhookDelivery.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        id: `msg_${String(i).padStart(3, "0")}`,
        endpointId: id,
        eventId: `event-${i}`,
        eventType: "user.updated",
        status: "failed" as const,
        attempts: 1,
        lastStatusCode: 500,
        createdAt: new Date(base + i * 1000),
        payload: { type: "user.updated", timestamp: new Date(base).toISOString(), data: { id: `u${i}` } },
      })),
    });
    await prisma.webhookAttempt.create({
      data: {
        deliveryId: "msg_026",
        requestHeaders: { "webhook-id": "msg_026", "content-type": "application/json" },
        responseStatus: 500,
        responseBody: "upstream broke",
        error: "HTTP 500",
        durationMs: 12,
      },
    });
    type Page = { deliveries: { items: Array<{ id: string }>; total: number; page: number } };
    const first = payloadOf<Page>(
      await run(detail.loader, await getRequest(`/admin/webhooks/${id}`, { userId: adminId }), { endpointId: id }),
    );
    expect(first.deliveries.total).toBe(27);
    expect(first.deliveries.items).toHaveLength(25);
    expect(first.deliveries.items[0].id).toBe("msg_026");
    const second = payloadOf<Page>(
      await run(detail.loader, await getRequest(`/admin/webhooks/${id}?page=2`, { userId: adminId }), { endpointId: id }),
    );
    expect(second.deliveries.items.map((d) => d.id)).toEqual(["msg_001", "msg_000"]);

    const params = { endpointId: id, deliveryId: "msg_026" };
    const view = payloadOf<{
      delivery: {
        body: string;
        attemptLog: Array<{ responseBody: string; responseStatus: number; requestHeaders: Record<string, string> }>;
      };
    }>(await run(deliveryPage.loader, await getRequest(`/admin/webhooks/${id}/deliveries/msg_026`, { userId: adminId }), params));
    expect(JSON.parse(view.delivery.body)).toMatchObject({ type: "user.updated", data: { id: "u26" } });
    expect(view.delivery.attemptLog).toEqual([
      expect.objectContaining({
        responseStatus: 500,
        responseBody: "upstream broke",
        requestHeaders: { "webhook-id": "msg_026", "content-type": "application/json" },
      }),
    ]);
    // a delivery of another endpoint is not found under this one
    const other = payloadOf<Created>(await createEndpoint({ url: "https://93.184.216.35/x" })).created!;
    expect(
      statusOf(
        await run(deliveryPage.loader, await getRequest(`/admin/webhooks/${other.id}/deliveries/msg_026`, { userId: adminId }), {
          endpointId: other.id,
          deliveryId: "msg_026",
        }),
      ),
    ).toBe(404);

    const redeliver = async () =>
      run(
        deliveryPage.action,
        await formRequest(`/admin/webhooks/${id}/deliveries/msg_026`, { intent: "redeliver" }, { userId: adminId }),
        params,
      );
    expect(statusOf(await redeliver())).toBe(302);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "msg_026" } })).toMatchObject({ status: "pending" });
    expect(await prisma.outboxEvent.count({ where: { name: "webhook_deliver" } })).toBe(1);
    const again = await redeliver();
    expect(statusOf(again)).toBe(409);
    expect(payloadOf<{ message: string }>(again).message).toBe(
      "This delivery is still being sent; wait until it succeeds or fails.",
    );
    expect(await prisma.outboxEvent.count({ where: { name: "webhook_deliver" } })).toBe(1);
  });
});
