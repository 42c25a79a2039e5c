// The SSRF guard with the production setting (WEBHOOKS_ALLOW_PRIVATE_URLS off): private, loopback,
// link-local and metadata targets are refused when an endpoint is registered and again at delivery.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.JOB_BACKOFF_MS = "0";
  process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "false";
});

import { encryptSecret } from "~/infra/crypto.server";
import { prisma } from "~/infra/db.server";
import { createWebhookEndpoint } from "~/domains/platform/webhooks/endpoints.server";
import { checkWebhookUrl, pinnedLookup } from "~/domains/platform/webhooks/url-guard.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { generateWebhookSecret } from "~/domains/platform/webhooks/signature.server";
import { webhookDeliverJob } from "~/domains/platform/webhooks/webhook.jobs.server";
import { createUser } from "../factories/users";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase, rowCounts } from "../setup/reset";
import { startReceiver } from "./webhooks-helpers";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let adminId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ email: "admin@example.com", roles: ["admin"] })).id;
  receiver = await startReceiver(() => ({ status: 200 }));
});

afterEach(async () => {
  await receiver.close();
});

describe("registering an endpoint", () => {
  it.each([
    ["http://93.184.216.34/hook", "webhook.url-scheme"],
    ["ftp://93.184.216.34/hook", "webhook.url-scheme"],
    ["https://user:pass@93.184.216.34/hook", "webhook.url-credentials"],
    ["https://127.0.0.1/hook", "webhook.url-private"],
    ["https://2130706433/hook", "webhook.url-private"],
    ["https://localhost/hook", "webhook.url-private"],
    ["https://[::1]/hook", "webhook.url-private"],
    ["https://[::ffff:10.0.0.8]/hook", "webhook.url-private"],
    ["https://10.0.0.8/hook", "webhook.url-private"],
    ["https://192.168.1.20/hook", "webhook.url-private"],
    ["https://169.254.169.254/latest/meta-data", "webhook.url-private"],
    ["https://100.64.1.1/hook", "webhook.url-private"],
    ["https://[fd00::1]/hook", "webhook.url-private"],
    ["https://does-not-exist.invalid/hook", "webhook.url-unresolvable"],
    ["not a url", "webhook.url-invalid"],
  ])("refuses %s (%s) and stores nothing", async (url, code) => {
    const before = await rowCounts();
    await expect(
      createWebhookEndpoint({ actorId: adminId, ipAddress: null, url, description: "", events: ["user.created"] }),
    ).rejects.toMatchObject({ code });
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts an https URL on a public address", async () => {
    const { endpoint } = await createWebhookEndpoint({
      actorId: adminId,
      ipAddress: null,
      url: "https://93.184.216.34/hook",
      description: "",
      events: ["user.created"],
    });
    expect(endpoint.url).toBe("https://93.184.216.34/hook");
  });

  it("checks every address a name resolves to, not only the first", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.1", family: 4 },
    ];
    await expect(checkWebhookUrl("https://hooks.example.com/x", { allowPrivate: false, resolve })).rejects.toMatchObject({
      code: "webhook.url-private",
      details: { address: "10.0.0.1", range: "private" },
    });
    const ok = await checkWebhookUrl("https://hooks.example.com/x", {
      allowPrivate: false,
      resolve: async () => [{ address: "93.184.216.34", family: 4 }],
    });
    expect(ok.addresses).toEqual([{ address: "93.184.216.34", family: 4 }]);
  });

  it("connects to the checked address, whatever DNS would answer later", () => {
    const lookup = pinnedLookup({ address: "93.184.216.34", family: 4 });
    const single = vi.fn();
    lookup("rebinding.example.com", {}, single);
    expect(single).toHaveBeenCalledWith(null, "93.184.216.34", 4);
    const all = vi.fn();
    lookup("rebinding.example.com", { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, [{ address: "93.184.216.34", family: 4 }]);
  });
});

describe("delivering", () => {
  it("refuses again at delivery time when the URL now points at a private address", async () => {
    // as if the name had resolved to a public address at registration and to loopback now
    const endpoint = await prisma.webhookEndpoint.create({
      data: {
        url: `https://localhost:${receiver.port}/hook`,
        events: ["user.created"],
        secretEncrypted: encryptSecret(generateWebhookSecret()),
      },
    });
    const plain = await prisma.webhookEndpoint.create({
      data: { url: receiver.url(), events: ["user.created"], secretEncrypted: encryptSecret(generateWebhookSecret()) },
    });
    for (const { id } of [endpoint, plain]) {
      const delivery = await prisma.webhookDelivery.create({
        data: {
          id: `msg_${id}`,
          endpointId: id,
          eventId: `event-${id}`,
          eventType: "user.created",
          payload: { type: "user.created", timestamp: new Date().toISOString(), data: {} },
        },
      });
      await enqueueJob(prisma, webhookDeliverJob, { deliveryId: delivery.id });
    }
    await drainOutbox();

    expect(receiver.received).toHaveLength(0);
    const attempts = await prisma.webhookAttempt.findMany({ include: { delivery: { select: { endpointId: true } } } });
    expect(attempts).toHaveLength(2 * webhookDeliverJob.attempts);
    const errors = (endpointId: string) => [
      ...new Set(attempts.filter((a) => a.delivery.endpointId === endpointId).map((a) => a.error)),
    ];
    expect(errors(endpoint.id)).toEqual([expect.stringMatching(/^refused: localhost resolves to a non-public address/)]);
    expect(errors(plain.id)).toEqual(["refused: Webhook URLs must use https://."]);
    expect(attempts.every((a) => a.responseStatus === null)).toBe(true);
    expect((await prisma.webhookDelivery.findMany()).map((d) => d.status)).toEqual(["failed", "failed"]);
  });
});
