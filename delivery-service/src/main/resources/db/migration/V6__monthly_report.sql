-- The monthly report (issue 5): what each delivery is grouped by, kept on the delivery itself
-- (as on the order): the customer's area and type when it was delivered. Historical deliveries
-- get them from the importer.
ALTER TABLE orders ADD COLUMN customer_type text;
ALTER TABLE delivery ADD COLUMN area text, ADD COLUMN customer_type text;

-- Deliveries and revenue per month, area, driver and customer type.
CREATE MATERIALIZED VIEW monthly_deliveries AS
SELECT date_trunc('month', delivery_date)::date AS month,
       coalesce(area, '')                        AS area,
       coalesce(driver_id, driver_name, '')      AS driver,
       coalesce(customer_type, '')               AS customer_type,
       count(*)                                  AS deliveries,
       coalesce(sum(amount_collected), 0)        AS revenue
FROM delivery
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
FROM delivery d JOIN delivery_item i ON i.delivery_id = d.id
GROUP BY 1, 2, 3, 4, 5;
CREATE UNIQUE INDEX monthly_products_key ON monthly_products (month, area, driver, customer_type, product_code);

-- When each report view was last refreshed (the report says how fresh it is).
CREATE TABLE report_refresh (
    view_name     text PRIMARY KEY,
    refreshed_at  timestamptz NOT NULL
);
INSERT INTO report_refresh VALUES ('monthly', now());
