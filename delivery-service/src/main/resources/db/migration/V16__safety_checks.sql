-- The safety check of a customer's gas installation (issue 18): Taiwan's fire-safety rules make a
-- gas retailer check its customers' installations periodically and keep the records. Done at the
-- stop by the driver or by the company's safety technician; five items, each passed or failed.

-- How often a customer is checked, by customer type; '*' is every type not listed. Set by an ADMIN.
CREATE TABLE safety_interval (
    customer_type text        PRIMARY KEY CHECK (length(customer_type) BETWEEN 1 AND 40),
    months        integer     NOT NULL CHECK (months BETWEEN 1 AND 120),
    version       integer     NOT NULL DEFAULT 0,
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO safety_interval (customer_type, months, updated_by) VALUES ('*', 24, 'V16');

CREATE TABLE safety_check (
    id                    bigserial   PRIMARY KEY,
    -- the key the phone (or the office's screen) made: a check sent twice is recorded once
    check_key             text        NOT NULL UNIQUE CHECK (length(check_key) BETWEEN 8 AND 100),
    customer_id           bigint      NOT NULL,
    -- the customer's type when checked (its interval decides the next check)
    customer_type         text,
    -- the stop it was done at, when done by the driver
    order_id              bigint      REFERENCES orders (id),
    checked_at            timestamptz NOT NULL,
    checked_by            text        NOT NULL,
    checker_role          text        NOT NULL CHECK (checker_role IN ('DRIVER', 'TECHNICIAN', 'OFFICE', 'ADMIN')),
    driver_id             text,
    hose                  boolean     NOT NULL,
    regulator             boolean     NOT NULL,
    leak_test             boolean     NOT NULL,
    placement_ventilation boolean     NOT NULL,
    gas_detector          boolean     NOT NULL,
    passed                boolean     GENERATED ALWAYS AS (hose AND regulator AND leak_test AND placement_ventilation
                                                           AND gas_detector) STORED,
    notes                 text        CHECK (length(notes) <= 1000),
    photo_object          text,
    photo_media_type      text        CHECK (photo_media_type IN ('image/jpeg', 'image/png')),
    recorded_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT safety_check_photo CHECK ((photo_object IS NULL) = (photo_media_type IS NULL))
);
-- a customer's checks, newest first (status, next due, open issues)
CREATE INDEX safety_check_customer_idx ON safety_check (customer_id, checked_at DESC, id DESC);
-- the records for the authority: every check in a period
CREATE INDEX safety_check_checked_at_idx ON safety_check (checked_at, id);

-- The rule, once: months between checks for a customer type.
CREATE FUNCTION safety_months(p_type text) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT months FROM delivery.safety_interval WHERE customer_type = p_type),
                    (SELECT months FROM delivery.safety_interval WHERE customer_type = '*'), 24)
$$;

-- The rule, once: when the next check is due after the last one (Taipei's date); NULL when the
-- customer was never checked — due now.
CREATE FUNCTION safety_next_due(p_last timestamptz, p_type text) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_last IS NULL THEN NULL
                ELSE CAST(CAST(p_last AT TIME ZONE 'Asia/Taipei' AS date)
                          + make_interval(months => delivery.safety_months(p_type)) AS date) END
$$;

-- The rule, once: is a check due by the day p_by (never checked: yes)?
CREATE FUNCTION safety_due_by(p_last timestamptz, p_type text, p_by date) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT p_last IS NULL OR delivery.safety_next_due(p_last, p_type) <= p_by
$$;

-- Each check's five items as rows.
CREATE VIEW safety_check_item AS
SELECT c.id AS check_id, c.customer_id, c.checked_at, i.item, i.ok
FROM safety_check c
CROSS JOIN LATERAL (VALUES ('HOSE', c.hose), ('REGULATOR', c.regulator), ('LEAK_TEST', c.leak_test),
                           ('PLACEMENT_VENTILATION', c.placement_ventilation), ('GAS_DETECTOR', c.gas_detector)) AS i (item, ok);

-- The rule, once: a failed item is an open issue until a later check passes it. One row per
-- customer and item: failed since (the first failure after the last pass) and the latest check
-- that failed it.
CREATE VIEW safety_open_issue AS
SELECT f.customer_id, f.item, min(f.checked_at) AS since,
       (array_agg(f.check_id ORDER BY f.checked_at DESC, f.check_id DESC))[1] AS last_check_id,
       count(*) AS failed_checks
FROM safety_check_item f
WHERE NOT f.ok
  AND NOT EXISTS (SELECT 1 FROM safety_check_item p
                  WHERE p.customer_id = f.customer_id AND p.item = f.item AND p.ok
                    AND (p.checked_at, p.check_id) > (f.checked_at, f.check_id))
GROUP BY f.customer_id, f.item;

-- A driver's phone records a check as one of its actions (kept once per key, as the others).
ALTER TABLE driver_action DROP CONSTRAINT driver_action_kind_check;
ALTER TABLE driver_action ADD CONSTRAINT driver_action_kind_check
    CHECK (kind IN ('START', 'COMPLETE', 'FAIL', 'SAFETY_CHECK'));
