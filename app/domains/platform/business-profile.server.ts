// The business shown in e-mails (layout header and footer): one row, id 1, created on first write.
// Until an admin saves it, the defaults apply (name "Verso", no logo, no address).
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { recordAudit } from "./audit.server";

export type BusinessProfile = {
  name: string;
  logoUrl: string | null;
  postalAddress: string | null;
  supportEmail: string | null;
};

export const DEFAULT_BUSINESS_PROFILE: BusinessProfile = {
  name: "Verso",
  logoUrl: null,
  postalAddress: null,
  supportEmail: null,
};

const PROFILE_ID = 1;
const select = { name: true, logoUrl: true, postalAddress: true, supportEmail: true } as const;

export async function getBusinessProfile(db: Db | Tx = prisma): Promise<BusinessProfile> {
  const row = await db.businessProfile.findUnique({ where: { id: PROFILE_ID }, select });
  return row ?? DEFAULT_BUSINESS_PROFILE;
}

/** Save the profile and write an audit row with what changed. */
export async function updateBusinessProfile({
  actorId,
  profile,
  ipAddress,
}: {
  actorId: string;
  profile: BusinessProfile;
  ipAddress?: string | null;
}): Promise<BusinessProfile> {
  return prisma.$transaction(async (tx) => {
    // Lock the single row (or its absence) so two admins saving at once leave a coherent audit trail.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('BusinessProfile'))`;
    const before = await getBusinessProfile(tx);
    const saved = await tx.businessProfile.upsert({
      where: { id: PROFILE_ID },
      create: { id: PROFILE_ID, ...profile },
      update: profile,
      select,
    });
    await recordAudit(
      {
        actorId,
        action: "settings.business_profile_updated",
        entityType: "business_profile",
        entityId: String(PROFILE_ID),
        before,
        after: saved,
        ipAddress,
      },
      tx,
    );
    return saved;
  });
}
