// Bounds of a single stock adjustment (pure; shared by the form and the domain function).
export const MAX_ADJUSTMENT = 1_000_000;
