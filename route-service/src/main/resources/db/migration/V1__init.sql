-- route-service schema. This first migration holds the drivers; vehicles, depots and route
-- plans come with issue 6.

CREATE TABLE driver (
    -- the driver id, e.g. 'D01': auth-service's DRIVER accounts carry it as driver_id
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,32}$'),
    name        text        NOT NULL,
    phone       text,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0
);
