// The seed creates roles, permissions, the first admin and demo users, and is safe to run twice.
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "~/domains/identity/password-hash.server";
import { prisma } from "~/infra/db.server";
import { seed } from "../../prisma/seed/index";
import { resetDatabase } from "../setup/reset";

describe("seed", () => {
  beforeEach(resetDatabase);

  it("creates the five built-in roles, an admin with every permission, and demo users", async () => {
    const result = await seed({ databaseUrl: process.env.DATABASE_URL!, adminEmail: "Owner@Example.com", demo: true });
    expect(result.admin.created).toBe(true);
    const roles = await prisma.role.findMany({ select: { name: true }, orderBy: { name: "asc" } });
    expect(roles.map((r) => r.name)).toEqual(["admin", "blogger", "commercial", "employee", "user"]);
    const admin = await prisma.user.findUniqueOrThrow({
      where: { email: "owner@example.com" },
      select: {
        password: { select: { hash: true } },
        roles: { select: { role: { select: { name: true, permissions: true } } } },
      },
    });
    expect(admin.roles.map((r) => r.role.name)).toEqual(["admin"]);
    expect(admin.roles[0].role.permissions.length).toBe(await prisma.permission.count());
    expect(result.admin.created && (await verifyPassword(admin.password!.hash, result.admin.password))).toBe(true);
    expect(await prisma.user.count()).toBe(5);
  });

  it("changes nothing when run a second time (admin password kept)", async () => {
    const first = await seed({ databaseUrl: process.env.DATABASE_URL!, adminEmail: "owner@example.com", demo: true });
    const hashBefore = (await prisma.password.findFirstOrThrow({ where: { user: { email: "owner@example.com" } } })).hash;
    const counts = async () => [
      await prisma.user.count(),
      await prisma.role.count(),
      await prisma.permission.count(),
      await prisma.rolePermission.count(),
    ];
    const before = await counts();
    const second = await seed({ databaseUrl: process.env.DATABASE_URL!, adminEmail: "owner@example.com", demo: true });
    expect(first.admin.created).toBe(true);
    expect(second.admin.created).toBe(false);
    expect(await counts()).toEqual(before);
    expect((await prisma.password.findFirstOrThrow({ where: { user: { email: "owner@example.com" } } })).hash).toBe(hashBefore);
  });

  it("fills a demo shop once: products with stock and images, shipping, tax, codes and a gift card", async () => {
    const first = await seed({ databaseUrl: process.env.DATABASE_URL!, adminEmail: "owner@example.com", demo: true });
    expect(first.demoShop).toMatchObject({ created: true, discountCodes: ["WELCOME10", "FREESHIP"] });
    const products = await prisma.product.findMany({
      select: { slug: true, status: true, images: { select: { renditions: { select: { width: true } } } } },
    });
    expect(products.length).toBeGreaterThanOrEqual(6);
    expect(products.every((p) => p.status === "active" && p.images[0].renditions.length > 0)).toBe(true);
    const soldOut = await prisma.productVariant.findFirstOrThrow({ where: { sku: "POSTER-1" } });
    expect(soldOut.stockOnHand).toBe(0);
    const ebook = await prisma.digitalAsset.findFirstOrThrow({ select: { data: true, contentType: true } });
    expect(Buffer.from(ebook.data).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.shippingZone.count()).toBe(2);
    expect((await prisma.giftCard.findFirstOrThrow()).balance).toBe(2500);

    const counts = async () => [await prisma.product.count(), await prisma.productVariant.count(), await prisma.discount.count()];
    const before = await counts();
    const second = await seed({ databaseUrl: process.env.DATABASE_URL!, adminEmail: "owner@example.com", demo: true });
    expect(second.demoShop).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
});
