-- Archival (issue 5, docs/adr/0005): deliveries older than the working window move to
-- delivery_archive / delivery_item_archive in batches, so that the live tables stay small.
-- Same columns; no foreign keys (archived rows never change).

CREATE TABLE delivery_archive (LIKE delivery INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE delivery_archive ADD PRIMARY KEY (id);
-- a customer's history crosses into the archive: same keyset order as delivery_customer_idx
CREATE INDEX delivery_archive_customer_idx ON delivery_archive (customer_id, delivered_at DESC, id DESC);

CREATE TABLE delivery_item_archive (LIKE delivery_item INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE delivery_item_archive ADD PRIMARY KEY (delivery_id, product_code);

-- the archival job's scan: oldest live deliveries first
CREATE INDEX delivery_date_id_idx ON delivery (delivery_date, id);

-- The report views read live and archived deliveries alike.

CREATE VIEW all_deliveries AS
SELECT id, customer_id, delivered_at, delivery_date, driver_id, driver_name, amount_collected, area, customer_type
FROM delivery
UNION ALL
SELECT id, customer_id, delivered_at, delivery_date, driver_id, driver_name, amount_collected, area, customer_type
FROM delivery_archive;

CREATE VIEW all_delivery_items AS
SELECT delivery_id, product_code, quantity, empties FROM delivery_item
UNION ALL
SELECT delivery_id, product_code, quantity, empties FROM delivery_item_archive;

-- Deliveries and revenue per month, area, driver and customer type.
CREATE MATERIALIZED VIEW monthly_deliveries AS
SELECT date_trunc('month', delivery_date)::date AS month,
       coalesce(area, '')                        AS area,
       coalesce(driver_id, driver_name, '')      AS driver,
       coalesce(customer_type, '')               AS customer_type,
       count(*)                                  AS deliveries,
       coalesce(sum(amount_collected), 0)        AS revenue
FROM all_deliveries
GROUP BY 1, 2, 3, 4;
-- REFRESH … CONCURRENTLY needs a unique index; the report reads one month (or a range) at a time
CREATE UNIQUE INDEX monthly_deliveries_key ON monthly_deliveries (month, area, driver, customer_type);

-- Cylinders (count) and flow gas (kg) per month, area, driver, customer type and product.
CREATE MATERIALIZED VIEW monthly_products AS
SELECT date_trunc('month', d.delivery_date)::date AS month,
       coalesce(d.area, '')                        AS area,
       coalesce(d.driver_id, d.driver_name, '')    AS driver,
       coalesce(d.customer_type, '')               AS customer_type,
       i.product_code,
       sum(i.quantity)                             AS quantity
FROM all_deliveries d JOIN all_delivery_items i ON i.delivery_id = d.id
GROUP BY 1, 2, 3, 4, 5;
CREATE UNIQUE INDEX monthly_products_key ON monthly_products (month, area, driver, customer_type, product_code);
