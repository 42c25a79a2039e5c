// The states the gift card list filters by (shared by the loader and the filter form).
export const GIFT_CARD_STATUSES = ["all", "active", "empty", "expired", "inactive"] as const;
export type GiftCardStatusFilter = (typeof GIFT_CARD_STATUSES)[number];
