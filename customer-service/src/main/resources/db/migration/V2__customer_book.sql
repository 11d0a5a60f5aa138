-- The whole customer book (issue 3): areas, phones, coordinates, preferences, equipment,
-- cylinders held, and the indexes behind the office's search.

-- Areas (districts) customers are grouped by in routes and reports; a managed list.
CREATE TABLE area (
    name        text        PRIMARY KEY CHECK (char_length(name) BETWEEN 1 AND 50),
    -- route-service's depot serving this area, if one is fixed
    depot_id    bigint,
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO area (name) SELECT DISTINCT area FROM customer WHERE area IS NOT NULL;

ALTER TABLE customer
    ADD CONSTRAINT customer_area_fkey FOREIGN KEY (area) REFERENCES area (name) ON UPDATE CASCADE,
    -- national-format digits ('0912345678', '0223456789'): one form whatever was typed
    ADD COLUMN phones              text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN latitude            numeric(9, 6),
    ADD COLUMN longitude           numeric(9, 6),
    ADD COLUMN customer_type       text,
    ADD COLUMN payment_term        text         NOT NULL DEFAULT 'CASH'
        CHECK (payment_term IN ('CASH', 'MONTHLY', 'TRANSFER')),
    ADD COLUMN pricing_method      text,
    -- start hours of the one-hour windows the customer accepts deliveries in (8 = 8:00-9:00)
    ADD COLUMN accepted_hours      integer[]    NOT NULL DEFAULT '{}',
    ADD COLUMN preferred_slot      text         NOT NULL DEFAULT 'ANY'
        CHECK (preferred_slot IN ('ANY', 'MORNING', 'NOON', 'EVENING')),
    ADD COLUMN closed_days         text,
    ADD COLUMN vehicle_access      text         NOT NULL DEFAULT 'ANY'
        CHECK (vehicle_access IN ('ANY', 'CAR', 'SCOOTER')),
    ADD COLUMN avg_daily_use_kg    numeric(8, 2) CHECK (avg_daily_use_kg >= 0),
    ADD COLUMN max_cycle_days      integer      CHECK (max_cycle_days > 0),
    ADD COLUMN allowed_delay_days  integer      CHECK (allowed_delay_days >= 0),
    ADD COLUMN monthly_volume      numeric(10, 2) CHECK (monthly_volume >= 0),
    ADD COLUMN subscription_member boolean      NOT NULL DEFAULT false,
    ADD COLUMN needs_same_day      boolean      NOT NULL DEFAULT false,
    ADD COLUMN terminated          boolean      NOT NULL DEFAULT false,
    -- FLOW_METER, CHANGEOVER_VALVE, SMART_SCALE
    ADD COLUMN equipment           text[]       NOT NULL DEFAULT '{}',
    -- product code -> cylinders the customer holds, e.g. {"R20": 2, "R50": 1}
    ADD COLUMN cylinders_held      jsonb        NOT NULL DEFAULT '{}',
    ADD COLUMN delivery_notes      text,
    -- created by the importer from a delivery whose customer code the client list lacks
    ADD COLUMN incomplete          boolean      NOT NULL DEFAULT false,
    ADD CONSTRAINT customer_coordinates_pair CHECK ((latitude IS NULL) = (longitude IS NULL)),
    ADD CONSTRAINT customer_coordinates_taiwan CHECK (
        latitude IS NULL OR (latitude BETWEEN 21.8 AND 26.5 AND longitude BETWEEN 118.0 AND 122.1));

-- Substring search in Chinese ('小吃', '中正路'): every single character and every pair of
-- adjacent characters of the searchable text, lower-cased. A query matches only rows holding all
-- of the query's own characters and pairs (GIN containment), then LIKE rechecks the few left.
-- pg_trgm cannot do this: it needs three characters and splits words on non-ASCII text in the C
-- locale. Immutable, so that the column below is maintained by PostgreSQL itself (also for the
-- importer's bulk load).
CREATE FUNCTION search_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT coalesce(array_agg(DISTINCT g), '{}')
FROM (SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, char_length(t)) AS i
      UNION ALL
      SELECT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i) AS grams
WHERE g !~ '\s'
$$;

ALTER TABLE customer ADD COLUMN search_grams text[] GENERATED ALWAYS AS (
    search_grams(coalesce(short_name, '') || ' ' || coalesce(invoice_title, '') || ' ' || coalesce(address, ''))
) STORED;

-- search: q = part of short name, invoice title or address
CREATE INDEX customer_search_grams_idx ON customer USING gin (search_grams);
-- search: q = a phone number in any format (normalised before the query)
CREATE INDEX customer_phones_idx ON customer USING gin (phones);
-- lists filtered by area, sorted by code (the office's area view)
CREATE INDEX customer_area_code_idx ON customer (area, code);
-- lists filtered by customer type, sorted by code
CREATE INDEX customer_type_code_idx ON customer (customer_type, code);
