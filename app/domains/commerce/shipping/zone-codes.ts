/** The zone country code that matches every country no other zone lists. */
export const REST_OF_WORLD_CODE = "*";
