-- The cylinder ledger (issue 17, docs/adr/0009): the company's cylinders at each customer, per
-- product. Nothing here repeats a delivery: a balance is the last count at the site (or the
-- opening count the importer took from the client list) plus, after it, what deliveries brought
-- (full cylinders) and took back (empties), plus the office's movements (lent, returned, lost,
-- scrapped). Cylinder products only: flow gas is sold by the kg.

-- A count of every product at one customer, at one moment: an OPENING (the client list's counts,
-- written by the importer) or a COUNT at the site (the office). Products not listed are 0.
CREATE TABLE cylinder_count (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint      NOT NULL,
    counted_at   timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('OPENING', 'COUNT')),
    reason       text        CHECK (length(reason) <= 500),
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
-- the last count of a customer before a moment
CREATE INDEX cylinder_count_customer_idx ON cylinder_count (customer_id, counted_at DESC, id DESC);

CREATE TABLE cylinder_count_line (
    count_id      bigint  NOT NULL REFERENCES cylinder_count (id),
    product_code  text    NOT NULL REFERENCES product (code),
    quantity      integer NOT NULL CHECK (quantity BETWEEN 0 AND 9999),
    PRIMARY KEY (count_id, product_code)
);

-- Cylinders that reached or left a customer without a delivery. quantity is signed: + lent,
-- − returned, lost or scrapped. deposit is the money (NT$) taken (+) or refunded (−) with it.
CREATE TABLE cylinder_movement (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   bigint      NOT NULL,
    product_code  text        NOT NULL REFERENCES product (code),
    moved_at      timestamptz NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('LENT', 'RETURNED', 'LOST', 'SCRAPPED')),
    quantity      integer     NOT NULL CHECK (quantity <> 0 AND abs(quantity) <= 9999
                                             AND (quantity > 0) = (kind = 'LENT')),
    deposit       bigint      NOT NULL DEFAULT 0 CHECK (abs(deposit) <= 100000000),
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cylinder_movement_customer_idx ON cylinder_movement (customer_id, moved_at DESC, id DESC);

-- The deposit (押金) per cylinder lent, per product, set by an ADMIN; the rate in force is the
-- newest one from on or before the day.
CREATE TABLE deposit_rate (
    product_code  text    NOT NULL REFERENCES product (code),
    valid_from    date    NOT NULL,
    amount        bigint  NOT NULL CHECK (amount BETWEEN 0 AND 1000000),
    set_by        text    NOT NULL,
    set_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, valid_from)
);

-- Every change to the ledgers (cylinders, cash, accounts): who, when, what before and after.
-- Written in the transaction of the change; read by ADMINs.
CREATE TABLE ledger_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger      text        NOT NULL CHECK (ledger IN ('CYLINDERS', 'CASH', 'ACCOUNTS')),
    action      text        NOT NULL,
    subject     text        NOT NULL,
    before      jsonb,
    after       jsonb,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_audit_at_idx ON ledger_audit (at DESC, id DESC);
CREATE INDEX ledger_audit_subject_idx ON ledger_audit (subject, at DESC, id DESC);

-- Balances over all customers read the deliveries after the earliest last count only.
CREATE INDEX delivery_delivered_at_idx ON delivery (delivered_at);
CREATE INDEX delivery_archive_delivered_at_idx ON delivery_archive (delivered_at);
