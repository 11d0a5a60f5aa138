-- Cash and accounts (issue 17, docs/adr/0009).

-- A delivery's value: Σ delivered quantity × unit price (flow gas by the kg), in whole NT$, kept
-- with the delivery; each item keeps the unit price it was valued at (the order's snapshot, or
-- the price book's on the day for a product the order did not have). NULL for the imported
-- history, which has no prices: accounts open at zero (the importer's README).
-- The archive tables get the same columns in the same order (archival copies rows with SELECT *).
ALTER TABLE delivery ADD COLUMN value bigint CHECK (value >= 0);
ALTER TABLE delivery_archive ADD COLUMN value bigint;
ALTER TABLE delivery_item ADD COLUMN unit_price numeric(12, 2);
ALTER TABLE delivery_item_archive ADD COLUMN unit_price numeric(12, 2);

-- The views over live and archived deliveries, with the new columns.
DROP MATERIALIZED VIEW monthly_products;
DROP MATERIALIZED VIEW monthly_deliveries;
DROP VIEW all_delivery_items;
DROP VIEW all_deliveries;

CREATE VIEW all_deliveries AS
SELECT id, customer_id, delivered_at, delivery_date, driver_id, driver_name, amount_collected, area, customer_type,
       order_id, payment_method, value
FROM delivery
UNION ALL
SELECT id, customer_id, delivered_at, delivery_date, driver_id, driver_name, amount_collected, area, customer_type,
       order_id, payment_method, value
FROM delivery_archive;

CREATE VIEW all_delivery_items AS
SELECT delivery_id, product_code, quantity, empties, unit_price FROM delivery_item
UNION ALL
SELECT delivery_id, product_code, quantity, empties, unit_price FROM delivery_item_archive;

-- The monthly report: cash collected (revenue, as before) and the value delivered, separately.
CREATE MATERIALIZED VIEW monthly_deliveries AS
SELECT date_trunc('month', delivery_date)::date AS month,
       coalesce(area, '')                        AS area,
       coalesce(driver_id, driver_name, '')      AS driver,
       coalesce(customer_type, '')               AS customer_type,
       count(*)                                  AS deliveries,
       coalesce(sum(amount_collected), 0)        AS revenue,
       coalesce(sum(value), 0)                   AS value_delivered
FROM all_deliveries
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX monthly_deliveries_key ON monthly_deliveries (month, area, driver, customer_type);

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

-- A driver's day, closed by the office: what he should have (his CASH deliveries' values that
-- day), what he recorded (Σ amount collected), what the office received from him, and why they
-- differ. One row per driver and day: the key is what makes closing twice harmless and two
-- closes at once one winner. expected/recorded follow ADMIN corrections made after the close.
CREATE TABLE cash_close (
    driver_id    text        NOT NULL,
    day          date        NOT NULL,
    deliveries   integer     NOT NULL,
    expected     bigint      NOT NULL,
    recorded     bigint      NOT NULL,
    received     bigint      NOT NULL CHECK (received BETWEEN 0 AND 100000000),
    reason       text        CHECK (length(reason) <= 500),
    closed_by    text        NOT NULL,
    closed_at    timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (driver_id, day)
);

-- The dashboard's cash still out: platform deliveries (with an order) per driver and day.
CREATE INDEX delivery_driver_day_idx ON delivery (driver_id, delivery_date) WHERE order_id IS NOT NULL;

-- Money a customer paid the office (not at the door: that is the delivery's amount collected).
CREATE TABLE payment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   bigint      NOT NULL,
    paid_on       date        NOT NULL,
    method        text        NOT NULL CHECK (method IN ('TRANSFER', 'CASH', 'CHEQUE')),
    amount        bigint      NOT NULL CHECK (amount BETWEEN 1 AND 100000000),
    reference     text        CHECK (length(reference) <= 100),
    notes         text        CHECK (length(notes) <= 500),
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_customer_idx ON payment (customer_id, paid_on, id);

-- What a customer's account is made of, defined once: every valued delivery charges its value
-- and credits what was collected at the door; every payment credits its amount.
CREATE VIEW account_entry AS
SELECT d.customer_id, d.delivery_date AS day, 'DELIVERY' AS kind, d.id AS ref,
       d.value AS charge, coalesce(d.amount_collected, 0) AS credit
FROM all_deliveries d WHERE d.value IS NOT NULL
UNION ALL
SELECT p.customer_id, p.paid_on, 'PAYMENT', p.id, 0, p.amount
FROM payment p;

-- Each customer's account totals, kept by the triggers below in the transaction of every change
-- to a valued delivery (live or archived) or a payment: account_entry's rule applied to each row
-- as it changes, so that the list of everyone who owes reads one row per customer instead of
-- every delivery (summing account_entry over 350,000 deliveries: 120-250 ms, docs/benchmarks.md).
-- CashAndAccountsTest checks that the totals equal account_entry's sums. version is what two
-- office users recording a payment at once race on (one wins, the other gets 409); only
-- payments change it.
CREATE TABLE account (
    customer_id  bigint      PRIMARY KEY,
    charged      bigint      NOT NULL DEFAULT 0,
    credited     bigint      NOT NULL DEFAULT 0,
    version      bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION account_add(customer bigint, charge bigint, credit bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO delivery.account AS a (customer_id, charged, credited) VALUES (customer, charge, credit)
    ON CONFLICT (customer_id) DO UPDATE SET charged = a.charged + excluded.charged,
                                            credited = a.credited + excluded.credited, updated_at = now()
$$;

CREATE FUNCTION account_follow_delivery() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.value IS NOT NULL THEN
        PERFORM delivery.account_add(OLD.customer_id, -OLD.value, -coalesce(OLD.amount_collected, 0));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.value IS NOT NULL THEN
        PERFORM delivery.account_add(NEW.customer_id, NEW.value, coalesce(NEW.amount_collected, 0));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION account_follow_payment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM delivery.account_add(OLD.customer_id, 0, -OLD.amount);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM delivery.account_add(NEW.customer_id, 0, NEW.amount);
    END IF;
    RETURN NULL;
END $$;

-- The WHEN conditions keep the imported history (no value) free of any cost: the importer's bulk
-- insert and the archival of old imported rows call no function.
CREATE TRIGGER delivery_account_insert AFTER INSERT ON delivery
    FOR EACH ROW WHEN (NEW.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER delivery_account_update AFTER UPDATE OF customer_id, value, amount_collected ON delivery
    FOR EACH ROW WHEN (OLD.value IS NOT NULL OR NEW.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER delivery_account_delete AFTER DELETE ON delivery
    FOR EACH ROW WHEN (OLD.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER delivery_archive_account_insert AFTER INSERT ON delivery_archive
    FOR EACH ROW WHEN (NEW.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER delivery_archive_account_update AFTER UPDATE OF customer_id, value, amount_collected ON delivery_archive
    FOR EACH ROW WHEN (OLD.value IS NOT NULL OR NEW.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER delivery_archive_account_delete AFTER DELETE ON delivery_archive
    FOR EACH ROW WHEN (OLD.value IS NOT NULL) EXECUTE FUNCTION account_follow_delivery();
CREATE TRIGGER payment_account AFTER INSERT OR UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION account_follow_payment();

-- The account queries: a customer's valued deliveries by day.
CREATE INDEX delivery_account_idx ON delivery (customer_id, delivery_date)
    INCLUDE (value, amount_collected) WHERE value IS NOT NULL;
CREATE INDEX delivery_archive_account_idx ON delivery_archive (customer_id, delivery_date)
    INCLUDE (value, amount_collected) WHERE value IS NOT NULL;
