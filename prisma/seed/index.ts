// `npm run db:seed`: roles and permissions, the first admin, and (SEED_DEMO=1) demo users.
// Safe to run any number of times: it only creates what is missing.
import { ensureSystemRoles } from "../../app/domains/identity/roles-seed.server.ts";
import { createSeedClient } from "./client.ts";
import { ensureDemoShop } from "./shop.ts";
import { ensureAdmin, ensureDemoUsers } from "./users.ts";

export async function seed({
  databaseUrl,
  adminEmail,
  adminPassword,
  demo,
}: {
  databaseUrl: string;
  adminEmail: string;
  adminPassword?: string;
  demo: boolean;
}) {
  const db = createSeedClient(databaseUrl);
  try {
    await ensureSystemRoles(db);
    const admin = await ensureAdmin(db, { email: adminEmail.toLowerCase(), password: adminPassword });
    const demoUsers = demo ? await ensureDemoUsers(db) : null;
    const demoShop = demo ? await ensureDemoShop(db) : null;
    return { admin, demoUsers, demoShop };
  } finally {
    await db.$disconnect();
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: nothing to seed.");
    process.exit(1);
  }
  const result = await seed({
    databaseUrl,
    adminEmail: process.env.ADMIN_EMAIL ?? "admin@example.com",
    adminPassword: process.env.ADMIN_PASSWORD,
    demo: process.env.SEED_DEMO === "1",
  });
  if (result.admin.created) {
    console.log(`Admin created: ${result.admin.email} / ${result.admin.password}`);
  } else {
    console.log(`Admin ${result.admin.email} already exists (password unchanged).`);
  }
  if (result.demoUsers) console.log(`Demo users: ${result.demoUsers.emails.join(", ")} (password ${result.demoUsers.password})`);
  if (result.demoShop?.created) {
    console.log(
      `Demo shop: ${result.demoShop.products} products; codes ${result.demoShop.discountCodes.join(", ")}; gift card ${result.demoShop.giftCard}`,
    );
  }
}
