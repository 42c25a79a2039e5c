// The contract of /api/v1/orders: the Order representation (items, totals, refunds), list filters,
// sparse fields, and the PATCH body that records fulfilment (carrier, tracking number) and delivery.
import { z } from "zod";
import { ORDER_STATUSES } from "~/domains/commerce/order-status";
import { fieldsParamSchema } from "./fields";
import { cursorParam, limitParam } from "./product-schemas";
import "./schemas";

const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({ description: `${description} In minor units of \`currency\`.`, example: 4500 });
const instant = (description: string) => z.string().datetime().openapi({ description, example: "2026-11-24T09:30:00.000Z" });

const ApiOrderItemSchema = z
  .object({
    id: z.string(),
    product_id: z.string().nullable().openapi({ description: "null once the product was deleted." }),
    variant_id: z.string().nullable(),
    title: z.string().openapi({ description: "The product title when ordered.", example: "Linen shirt" }),
    variant_title: z.string().openapi({ example: "M / Red" }),
    sku: z.string().openapi({ example: "TEE-M-RED" }),
    unit_price: minor("Price of one unit when ordered."),
    quantity: z.number().int().openapi({ example: 2 }),
    line_total: minor("unit_price × quantity."),
    discount_allocated: minor("The line's share of the order discount."),
    tax: minor("Tax on the line."),
    requires_shipping: z.boolean(),
    is_digital: z.boolean(),
  })
  .strict()
  .openapi("OrderItem");

const ApiRefundSchema = z
  .object({
    id: z.string(),
    amount: minor("Total refunded by this refund."),
    card_amount: minor("Part returned to the card (or the offline payment)."),
    gift_card_amount: minor("Part credited back to gift cards."),
    status: z.enum(["pending", "succeeded", "failed"]),
    reason: z.string(),
    created_at: instant("When it was asked for (UTC)."),
  })
  .strict()
  .openapi("OrderRefund");

const AddressSchema = z
  .object({
    name: z.string().nullable(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postal_code: z.string().nullable(),
    country: z.string().nullable().openapi({ description: "ISO 3166-1 alpha-2.", example: "US" }),
    phone: z.string().nullable(),
  })
  .strict()
  .openapi("ShippingAddress");

export const ORDER_STATUS = z.enum(ORDER_STATUSES);

export const ApiOrderSchema = z
  .object({
    id: z.string().openapi({ description: "Stable identifier of the order.", example: "cm9x1k2l30000abcd1234efgh" }),
    number: z.string().openapi({ description: "What the customer sees.", example: "VS-7KQ2-M9XD" }),
    status: ORDER_STATUS,
    payment_method: z.enum(["stripe", "offline", "gift_card"]),
    email: z.string().openapi({ example: "ada@example.com" }),
    customer_id: z.string().nullable().openapi({ description: "The customer's user id; null for a guest." }),
    locale: z.string().openapi({ example: "en" }),
    currency: z.string().openapi({ example: "USD" }),
    merchandise_subtotal: minor("Sum of the line totals."),
    discount_total: minor("Discount."),
    discount_code: z.string().nullable(),
    shipping_total: minor("Shipping."),
    shipping_method: z.string().nullable(),
    tax_total: minor("Tax, shipping tax included."),
    gift_card_total: minor("Paid by gift cards."),
    grand_total: minor("What the order cost."),
    amount_due: minor("Paid by card or offline: grand_total − gift_card_total."),
    refunded_total: minor("Refunded so far."),
    shipping_address: AddressSchema.nullable(),
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    placed_at: instant("When the order was placed (UTC)."),
    paid_at: instant("When it was paid.").nullable(),
    fulfilled_at: instant("When it was fulfilled.").nullable(),
    delivered_at: instant("When it was delivered.").nullable(),
    cancelled_at: instant("When it was cancelled.").nullable(),
    items: z.array(ApiOrderItemSchema),
    refunds: z.array(ApiRefundSchema),
  })
  .strict()
  .openapi("Order");

export type ApiOrder = z.infer<typeof ApiOrderSchema>;
export const ORDER_FIELDS = ApiOrderSchema.keyof().options;

const fields = fieldsParamSchema(ORDER_FIELDS)
  .optional()
  .openapi({
    type: "string",
    description: `Comma-separated properties to return; \`id\` is always included. One of: ${ORDER_FIELDS.join(", ")}. An unknown name is a 422.`,
    example: "id,number,status",
  });

export const ApiSparseOrderSchema = ApiOrderSchema.partial().required({ id: true });

export const ApiOrderListSchema = z
  .object({
    data: z.array(ApiOrderSchema).openapi({ description: "One page of orders, newest first." }),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` (with the same filters) for the next page; `null` on the last page." }),
  })
  .strict()
  .openapi("OrderList");

export const ApiSparseOrderListSchema = ApiOrderListSchema.extend({ data: z.array(ApiSparseOrderSchema) });

export const ListOrdersQuerySchema = z
  .object({
    limit: limitParam,
    cursor: cursorParam,
    status: ORDER_STATUS.optional().openapi({ description: "Only orders with this status." }),
    since: z
      .string()
      .datetime({ offset: true, message: "Use an ISO 8601 date-time with a time zone, such as 2026-11-01T00:00:00Z." })
      .optional()
      .openapi({ description: "Only orders placed at or after this instant.", example: "2026-11-01T00:00:00Z" }),
    fields,
  })
  .strict();

export const GetOrderQuerySchema = z.object({ fields }).strict();

export const OrderParamsSchema = z.object({
  orderId: z.string().min(1).max(64).openapi({ description: "The order's `id`.", example: "cm9x1k2l30000abcd1234efgh" }),
});

export const UpdateOrderBodySchema = z
  .object({
    status: z.enum(["fulfilled", "delivered"]).optional().openapi({
      description:
        "`fulfilled` (from paid; needs `carrier` and `tracking_number` when the order has physical items; e-mails the customer and fires order.fulfilled) or `delivered` (from fulfilled).",
    }),
    carrier: z.string().max(200).optional().openapi({ description: "1–60 characters.", example: "UPS" }),
    tracking_number: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "3–64 letters, digits, spaces or dashes.", example: "1Z999AA10123456784" }),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one of status, carrier, tracking_number.",
  })
  .openapi("UpdateOrder", {
    description:
      "Fulfilment and delivery. Without `status`, `carrier` and `tracking_number` correct the tracking of a fulfilled or delivered order.",
  });

export type UpdateOrderBody = z.output<typeof UpdateOrderBodySchema>;
