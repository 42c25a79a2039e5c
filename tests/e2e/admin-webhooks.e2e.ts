// Outgoing webhooks in the admin area, with and without JavaScript: a refused private URL keeps
// what was typed; a public https endpoint is added and its signing secret shown exactly once;
// the endpoint page disables it; a delivery's attempts are shown and it can be redelivered; the
// pages pass an accessibility check.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { auditRows, createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

test("an admin adds a webhook endpoint, sees its secret once, and disables it", async ({ page }) => {
  const admin = await createUser({ name: "Hook Admin", roles: ["admin"] });
  const url = `https://93.184.216.34/verso/${randomUUID().slice(0, 8)}`;
  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/webhooks" });
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // a loopback address is refused on the server, next to the field, with the values kept
  await page.getByLabel("Endpoint URL").fill("https://127.0.0.1:9000/hook");
  await page.getByLabel("Description").fill("CRM sync");
  await page.getByRole("checkbox", { name: /user\.created/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("This URL points at a private, local or reserved address")).toBeVisible();
  await expect(page.getByLabel("Endpoint URL")).toHaveValue("https://127.0.0.1:9000/hook");
  await expect(page.getByLabel("Description")).toHaveValue("CRM sync");
  await expect(page.getByRole("checkbox", { name: /user\.created/ })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);

  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secretField = page.getByRole("textbox", { name: "Signing secret" });
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const secret = await secretField.inputValue();
  const row = page.getByRole("row", { name: new RegExp(url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) });
  await expect(row).toContainText("user.created");
  await expect(row).toContainText("Enabled");

  // once: a fresh visit shows the endpoint but never the secret
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("textbox", { name: "Signing secret" })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deliveries to this endpoint, newest first" })).toContainText(
    "Nothing has been sent to this endpoint yet.",
  );
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Disable endpoint" }).click();
  await expect(page.getByText("Disabled by an administrator")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enable endpoint" })).toBeVisible();

  const { rows } = await db().query(`SELECT "id","enabled" FROM "WebhookEndpoint" WHERE "url" = $1`, [url]);
  expect(rows).toEqual([{ id: expect.any(String), enabled: false }]);
  expect((await auditRows(rows[0].id)).map((entry) => [entry.action, entry.actorId])).toEqual([
    ["webhook.endpoint.create", admin.id],
    ["webhook.endpoint.disable", admin.id],
  ]);
});

test("an admin reads a delivery's attempts and redelivers it", async ({ page }) => {
  const admin = await createUser({ name: "Log Reader", roles: ["admin"] });
  const suffix = randomUUID().slice(0, 8);
  const endpointId = `e2e-hook-${suffix}`;
  const deliveryId = `msg_e2e${suffix}`;
  await db().query(
    `INSERT INTO "WebhookEndpoint" ("id","url","events","secretEncrypted","updatedAt") VALUES ($1,$2,$3,'v1:x:y:z',now())`,
    [endpointId, `https://93.184.216.34/log/${suffix}`, ["user.updated"]],
  );
  await db().query(
    `INSERT INTO "WebhookDelivery" ("id","endpointId","eventId","eventType","payload","status","attempts","lastStatusCode","lastError","completedAt")
     VALUES ($1,$2,'evt-1','user.updated',$3,'failed',1,502,'HTTP 502',now())`,
    [deliveryId, endpointId, { type: "user.updated", timestamp: new Date().toISOString(), data: { id: "u1", name: "Pat" } }],
  );
  await db().query(
    `INSERT INTO "WebhookAttempt" ("id","deliveryId","requestHeaders","responseStatus","responseBody","error","durationMs")
     VALUES ($1,$2,$3,502,'Bad gateway from upstream','HTTP 502',37)`,
    [`att-${suffix}`, deliveryId, { "webhook-id": deliveryId, "content-type": "application/json" }],
  );

  await loginAs(page, admin.email, admin.password, { redirectTo: `/admin/webhooks/${endpointId}` });
  const row = page.getByRole("row", { name: new RegExp(deliveryId) });
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("502");
  await row.getByRole("link", { name: deliveryId }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Delivery ${deliveryId}` })).toBeVisible();
  const attempt = page.getByTestId("webhook-attempt");
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText("502");
  await expect(attempt).toContainText("Bad gateway from upstream");
  await expect(attempt).toContainText(`webhook-id: ${deliveryId}`);
  await expect(page.getByText('"name": "Pat"')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByText("The delivery was queued again.")).toBeVisible();
  // The app runs the redelivery in-process a moment later; this endpoint's stored secret is not
  // decryptable, so the new run ends at once with that reason (proof it went through the outbox).
  await expect
    .poll(
      async () =>
        (await db().query(`SELECT "lastError" FROM "WebhookDelivery" WHERE "id" = $1`, [deliveryId])).rows[0]?.lastError,
    )
    .toMatch(/cannot be decrypted/);
  expect((await auditRows(endpointId)).map((entry) => entry.action)).toEqual(["webhook.delivery.redeliver"]);
});
