-- The monthly report (issue 5): what each delivery is grouped by, kept on the delivery itself
-- (as on the order): the customer's area and type when it was delivered. Historical deliveries
-- get them from the importer.
ALTER TABLE orders ADD COLUMN customer_type text;
ALTER TABLE delivery ADD COLUMN area text, ADD COLUMN customer_type text;

-- The report's materialized views are created with the archive (V7), over live and archived deliveries.

-- When each report view was last refreshed (the report says how fresh it is).
CREATE TABLE report_refresh (
    view_name     text PRIMARY KEY,
    refreshed_at  timestamptz NOT NULL
);
INSERT INTO report_refresh VALUES ('monthly', now());
