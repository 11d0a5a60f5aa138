-- The identity of historical deliveries (issue 7, docs/adr/0006): the importer merges the legacy
-- workbook and SQLite rows on (customer code, date, quantities per product), and this table's key
-- makes the database — not the importer's memory — refuse a second copy of one delivery, whether
-- it lives in the live tables or the archive (ids stay the same when archival moves a row).
CREATE TABLE delivery_identity (
    customer_code  text    NOT NULL,
    delivery_date  date    NOT NULL,
    -- quantities per product, canonical: product codes in product order with their quantity,
    -- zeros left out, e.g. 'R50=1 R20=2' or 'F50=87.35'
    quantities     text    NOT NULL,
    -- 1, 2 … for deliveries with the same customer, date and quantities (a second delivery that
    -- day), in order of time; the same number in two sources is the same delivery
    occurrence     integer NOT NULL CHECK (occurrence >= 1),
    delivery_id    bigint  NOT NULL,
    CONSTRAINT delivery_identity_key PRIMARY KEY (customer_code, delivery_date, quantities, occurrence),
    CONSTRAINT delivery_identity_delivery_key UNIQUE (delivery_id)
);
