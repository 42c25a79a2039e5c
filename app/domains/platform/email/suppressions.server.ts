// Addresses that asked for no more marketing mail. Transactional mail (sign-in, receipts) still goes.
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";

export const SUPPRESSED_ERROR = "Not sent: the recipient unsubscribed from marketing e-mail.";

export async function isSuppressed(db: Db | Tx, email: string): Promise<boolean> {
  const row = await db.emailSuppression.findUnique({ where: { email: email.trim().toLowerCase() }, select: { email: true } });
  return row !== null;
}

/** Record the opt-out; asking twice keeps the first record. */
export async function suppressAddress({ email, reason }: { email: string; reason: "unsubscribe" | "one-click" }) {
  const address = email.trim().toLowerCase();
  await prisma.emailSuppression.upsert({
    where: { email: address },
    create: { email: address, reason },
    update: {},
    select: { email: true },
  });
  return { email: address };
}
