// The shop's settings: one row, id 1, created on first write; until an admin saves, the defaults
// apply. Everything that needs the currency, the reservation time or the download limits reads here.
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";

export type ShopSettings = {
  currency: string;
  reservationMinutes: number;
  lowStockThreshold: number;
  offlinePayment: boolean;
  offlineInstructions: string;
  downloadLimit: number;
  downloadDays: number;
};

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  currency: "USD",
  reservationMinutes: 15,
  lowStockThreshold: 5,
  offlinePayment: true,
  offlineInstructions: "",
  downloadLimit: 5,
  downloadDays: 30,
};

export const SHOP_SETTINGS_ID = 1;

const select = {
  currency: true,
  reservationMinutes: true,
  lowStockThreshold: true,
  offlinePayment: true,
  offlineInstructions: true,
  downloadLimit: true,
  downloadDays: true,
} as const;

export async function getShopSettings(db: Db | Tx = prisma): Promise<ShopSettings> {
  const row = await db.shopSettings.findUnique({ where: { id: SHOP_SETTINGS_ID }, select });
  return row ?? DEFAULT_SHOP_SETTINGS;
}
