// The contact step's fields (pure: the route's server and the browser check with the same schema).
// Messages are translation keys of the checkout namespace. A cart with something to ship needs the
// whole address; a digital-only cart only the e-mail and the country (for tax).
import { z } from "zod";
import { isCountryCode } from "../shipping/countries";

const text = (max: number, required: string, tooLong: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, tooLong);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => value || null);

const base = {
  email: z
    .string({ required_error: "contact.errors.emailRequired" })
    .trim()
    .toLowerCase()
    .min(1, "contact.errors.emailRequired")
    .max(254, "contact.errors.emailInvalid")
    .email("contact.errors.emailInvalid"),
  country: z
    .string({ required_error: "contact.errors.countryRequired" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, "contact.errors.countryRequired"),
  phone: z
    .string()
    .trim()
    .max(30, "contact.errors.phoneInvalid")
    .regex(/^[0-9+()\-.\s]*$/, "contact.errors.phoneInvalid")
    .optional()
    .transform((value) => value || null),
};

export const DigitalContactSchema = z.object({
  ...base,
  name: optionalText(100, "contact.errors.nameTooLong"),
  region: optionalText(60, "contact.errors.regionTooLong"),
});

export const ShippingContactSchema = z.object({
  ...base,
  name: text(100, "contact.errors.nameRequired", "contact.errors.nameTooLong"),
  line1: text(120, "contact.errors.line1Required", "contact.errors.lineTooLong"),
  line2: optionalText(120, "contact.errors.lineTooLong"),
  city: text(80, "contact.errors.cityRequired", "contact.errors.cityTooLong"),
  region: optionalText(60, "contact.errors.regionTooLong"),
  postalCode: text(20, "contact.errors.postalCodeRequired", "contact.errors.postalCodeTooLong"),
});

export type ContactInput = {
  email: string;
  country: string;
  phone: string | null;
  name: string | null;
  region: string | null;
  line1?: string;
  line2?: string | null;
  city?: string;
  postalCode?: string;
};

export const PAYMENT_METHODS = ["offline", "stripe"] as const;
export type ChosenPaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PlaceOrderSchema = z.object({
  intent: z.literal("place"),
  /** The amount due shown on the review page (minor units), so the order is never placed for another. */
  expectedAmountDue: z.coerce.number().int().min(0).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS, { errorMap: () => ({ message: "review.errors.paymentMethodRequired" }) }).optional(),
});

export const ShippingStepSchema = z.object({
  shippingMethodId: z.string({ required_error: "shipping.errors.methodRequired" }).min(1, "shipping.errors.methodRequired"),
});
