// /admin/tasks in the browser (embedded mode: the web process runs the jobs): the overview, a
// dead-lettered job's page with its error, stack and redacted payload, discard after a ticked
// confirmation, retry, and "Run now"; every page passes axe.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, db } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

async function deadEvent(payload: object) {
  const id = `e2e-dead-${randomUUID()}`;
  await db().query(
    `INSERT INTO "OutboxEvent" ("id","queue","name","payload","status","attempts","lastError","processedAt")
     VALUES ($1,'maintenance','cleanup',$2,'dead',3,$3,now())`,
    [id, JSON.stringify(payload), "Error: e2e printer on fire\n    at handler (cleanup.job.server.ts:12:5)"],
  );
  return id;
}

const statusOf = async (id: string) =>
  (await db().query(`SELECT "status" FROM "OutboxEvent" WHERE "id" = $1`, [id])).rows[0]?.status as string | undefined;

test("an admin reviews the queues, opens a dead job, discards one, retries another and runs the cleanup now", async ({
  page,
}) => {
  const admin = await createUser({ roles: ["admin"] });
  const toDiscard = await deadEvent({ label: "keep me visible", resetToken: "tok-e2e-secret" });
  const toRetry = await deadEvent({});

  await loginAs(page, admin.email, admin.password, { redirectTo: "/admin/tasks" });
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  await expect(page.getByText("jobs run inside the web process (embedded mode)")).toBeVisible();
  const queues = page.getByRole("table", { name: "Jobs per queue and state" });
  await expect(queues.getByRole("rowheader", { name: "Maintenance" })).toBeVisible();
  await expect(queues.getByRole("link", { name: /failed jobs in Maintenance/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Repeatable jobs, defined in code" }).getByText("17 * * * *")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await queues.getByRole("link", { name: /failed jobs in Maintenance/ }).click();
  await expect(page).toHaveURL(/\/admin\/tasks\/jobs\?queue=maintenance&state=failed/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: toDiscard }).click();

  await expect(page.getByRole("heading", { level: 1, name: "cleanup" })).toBeVisible();
  await expect(page.getByText("Error: e2e printer on fire", { exact: true })).toBeVisible();
  await expect(page.locator("pre", { hasText: "at handler (cleanup.job.server.ts:12:5)" })).toBeVisible();
  await expect(page.getByText('"label": "keep me visible"')).toBeVisible();
  await expect(page.getByText('"resetToken": "[redacted]"')).toBeVisible();
  await expect(page.getByText("tok-e2e-secret")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByText("Tick the box to confirm that this job should be deleted.")).toBeVisible();
  expect(await statusOf(toDiscard)).toBe("dead");
  await page.getByLabel("Yes, delete this job for good").check();
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page).toHaveURL(/\/admin\/tasks\/jobs\?queue=maintenance&state=failed$/);
  await expect(page.getByText(`Job ${toDiscard} discarded.`)).toBeVisible();
  await expect(page.getByRole("link", { name: toDiscard })).toHaveCount(0);
  expect(await statusOf(toDiscard)).toBeUndefined();

  await page.goto(`/admin/tasks/maintenance/${toRetry}`);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText(`Job ${toRetry} queued again.`)).toBeVisible();
  await expect.poll(() => statusOf(toRetry)).toBe("done");

  await page.goto("/admin/tasks");
  const before = Number(
    (await db().query(`SELECT count(*) FROM "OutboxEvent" WHERE "id" LIKE 'run-now-cleanup-hourly-%'`)).rows[0].count,
  );
  await page.getByRole("button", { name: "Run now (cleanup-hourly)" }).click();
  await expect(page.getByText("cleanup queued: it runs in a moment.")).toBeVisible();
  const after = Number(
    (await db().query(`SELECT count(*) FROM "OutboxEvent" WHERE "id" LIKE 'run-now-cleanup-hourly-%'`)).rows[0].count,
  );
  expect(after).toBe(before + 1);
});
