// The shop's operations in the OpenAPI document: products (read and write) and orders (read, and
// PATCH for fulfilment). Registered by openapi.server.ts with its `secured` helper.
import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { ApiScope } from "~/domains/identity/api-key-format";
import {
  CREATED_HEADERS,
  errors,
  jsonResponse,
  KEYED_ERRORS,
  NOT_MODIFIED,
  PARAMETERS,
  WRITE_ERRORS,
  WRITE_HEADERS,
} from "./openapi-components";
import {
  ApiOrderListSchema,
  ApiOrderSchema,
  GetOrderQuerySchema,
  ListOrdersQuerySchema,
  OrderParamsSchema,
  UpdateOrderBodySchema,
} from "./order-schemas";
import {
  ApiProductListSchema,
  ApiProductSchema,
  CreateProductBodySchema,
  GetProductQuerySchema,
  ListProductsQuerySchema,
  ProductParamsSchema,
  UpdateProductBodySchema,
} from "./product-schemas";

type Secured = (scope: ApiScope, route: RouteConfig) => RouteConfig;

export const SHOP_TAGS = [
  { name: "Products", description: "The shop's catalogue: products and their variants." },
  { name: "Orders", description: "Shop orders: items, totals, refunds, fulfilment." },
];

export function registerShopSchemas(registry: OpenAPIRegistry) {
  registry.register("Product", ApiProductSchema);
  registry.register("Order", ApiOrderSchema);
}

export function registerShopPaths(registry: OpenAPIRegistry, secured: Secured) {
  registry.registerPath(
    secured("products:read", {
      method: "get",
      path: "/api/v1/products",
      operationId: "listProducts",
      tags: ["Products"],
      summary: "List products",
      description:
        "Products of any status, newest first, in pages, each with its variants. Pass `next_cursor` as `cursor` (with the same filters) for the next page. Unknown query parameters are a 422.",
      request: { query: ListProductsQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("One page of products (with `fields`, only those properties and `id`).", ApiProductListSchema),
        ...NOT_MODIFIED,
        ...errors("422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("products:write", {
      method: "post",
      path: "/api/v1/products",
      operationId: "createProduct",
      tags: ["Products"],
      summary: "Create a product",
      description:
        "Creates a product with its variants under the admin's rules: unique slug (generated from the title when left out) and SKUs, one value per option name. A refusal names its field with a `code` (`slug_taken`, `sku_taken`, `invalid_options`, `not_found`). Send an `Idempotency-Key` so a retry cannot create it twice.",
      parameters: [PARAMETERS.idempotencyKey],
      request: { body: { required: true, content: { "application/json": { schema: CreateProductBodySchema } } } },
      responses: {
        "201": jsonResponse("The created product; `Location` is its URL.", ApiProductSchema, CREATED_HEADERS),
        ...errors(...WRITE_ERRORS, ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("products:read", {
      method: "get",
      path: "/api/v1/products/{productId}",
      operationId: "getProduct",
      tags: ["Products"],
      summary: "Get a product",
      description: "One product by `id`, with its variants, prices and stock.",
      request: { params: ProductParamsSchema, query: GetProductQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("The product (with `fields`, only those properties and `id`).", ApiProductSchema),
        ...NOT_MODIFIED,
        ...errors("404", "422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("products:write", {
      method: "patch",
      path: "/api/v1/products/{productId}",
      operationId: "updateProduct",
      tags: ["Products"],
      summary: "Change a product",
      description:
        "Changes the properties sent and keeps the others; `variants`, when sent, is the full list. Send `If-Match` with the product's `ETag` to change it only if nobody else did meanwhile.",
      parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      request: {
        params: ProductParamsSchema,
        body: { required: true, content: { "application/json": { schema: UpdateProductBodySchema } } },
      },
      responses: {
        "200": jsonResponse("The product after the change.", ApiProductSchema, WRITE_HEADERS),
        ...errors("404", "412", ...WRITE_ERRORS, ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("orders:read", {
      method: "get",
      path: "/api/v1/orders",
      operationId: "listOrders",
      tags: ["Orders"],
      summary: "List orders",
      description:
        "Orders, newest first, in pages, each with its items, totals and refunds. Filter by `status` and `since`; pass `next_cursor` as `cursor` (with the same filters) for the next page.",
      request: { query: ListOrdersQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("One page of orders (with `fields`, only those properties and `id`).", ApiOrderListSchema),
        ...NOT_MODIFIED,
        ...errors("422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("orders:read", {
      method: "get",
      path: "/api/v1/orders/{orderId}",
      operationId: "getOrder",
      tags: ["Orders"],
      summary: "Get an order",
      description: "One order by `id`, with its items, totals, shipping address and refunds.",
      request: { params: OrderParamsSchema, query: GetOrderQuerySchema },
      parameters: [PARAMETERS.ifNoneMatch],
      responses: {
        "200": jsonResponse("The order (with `fields`, only those properties and `id`).", ApiOrderSchema),
        ...NOT_MODIFIED,
        ...errors("404", "422", ...KEYED_ERRORS),
      },
    }),
  );
  registry.registerPath(
    secured("orders:write", {
      method: "patch",
      path: "/api/v1/orders/{orderId}",
      operationId: "updateOrder",
      tags: ["Orders"],
      summary: "Record fulfilment or delivery",
      description:
        "`status: fulfilled` ships a paid order (carrier and tracking number required for physical items; the customer is e-mailed and `order.fulfilled` fires); `status: delivered` marks a fulfilled order delivered; `carrier`/`tracking_number` alone correct the tracking. A change the order's status does not allow is a 422 on `status` with code `invalid_transition`. Send `If-Match` with the order's `ETag` to change it only if nobody else did meanwhile.",
      parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      request: {
        params: OrderParamsSchema,
        body: { required: true, content: { "application/json": { schema: UpdateOrderBodySchema } } },
      },
      responses: {
        "200": jsonResponse("The order after the change.", ApiOrderSchema, WRITE_HEADERS),
        ...errors("404", "412", ...WRITE_ERRORS, ...KEYED_ERRORS),
      },
    }),
  );
}
