-- Storefront sorts read in index order, tie-breakers included, instead of sorting every active
-- product: newest (publishedAt DESC NULLS LAST, id DESC), price (minPrice, title, id), name (title, id).
DROP INDEX "Product_status_publishedAt_idx";
DROP INDEX "Product_status_minPrice_idx";
DROP INDEX "Product_status_title_idx";
CREATE INDEX "Product_status_publishedAt_id_idx" ON "Product"("status", "publishedAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Product_status_minPrice_title_id_idx" ON "Product"("status", "minPrice", "title", "id");
CREATE INDEX "Product_status_title_id_idx" ON "Product"("status", "title", "id");
