// The states the discount list filters by (shared by the loader and the filter form).
export const DISCOUNT_STATUSES = ["all", "active", "scheduled", "expired", "inactive"] as const;
export type DiscountStatusFilter = (typeof DISCOUNT_STATUSES)[number];
