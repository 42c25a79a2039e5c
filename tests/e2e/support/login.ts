// Sign in through the real login form (works in both the no-js and js projects).
import { expect, type Page } from "@playwright/test";

export async function loginAs(page: Page, email: string, password: string, { redirectTo }: { redirectTo?: string } = {}) {
  await page.goto(redirectTo ? `/auth/login?${new URLSearchParams({ redirectTo })}` : "/auth/login");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/auth\/login/);
}
