-- Depots are real, and the day runs on after the plan (issue 15): drivers and vehicles have a
-- home depot; each depot's plan of a day solves and is published on its own; a plan holds what
-- drivers have already done and carry, the trips between reloads and each driver's break.

-- Drivers and vehicles belong to a depot. With one depot, everyone is based there.
ALTER TABLE driver
    ADD COLUMN depot_id       bigint  REFERENCES depot (id),
    -- the break: break_minutes long, starting between break_from and break_until (0 minutes: none)
    ADD COLUMN break_from     time    NOT NULL DEFAULT '11:30',
    ADD COLUMN break_until    time    NOT NULL DEFAULT '13:30',
    ADD COLUMN break_minutes  integer NOT NULL DEFAULT 30 CHECK (break_minutes BETWEEN 0 AND 180),
    ADD CONSTRAINT driver_break_window CHECK (break_from <= break_until),
    ADD CONSTRAINT driver_break_in_shift CHECK (break_minutes = 0 OR (break_from >= shift_start
        AND break_until + make_interval(mins => break_minutes) <= shift_end));
ALTER TABLE vehicle ADD COLUMN depot_id bigint REFERENCES depot (id);
UPDATE driver SET depot_id = (SELECT min(id) FROM depot) WHERE (SELECT count(*) FROM depot) = 1;
UPDATE vehicle SET depot_id = (SELECT min(id) FROM depot) WHERE (SELECT count(*) FROM depot) = 1;
-- the drivers a depot plans with by default
CREATE INDEX driver_depot_idx ON driver (depot_id) WHERE active;

-- One plan solving per depot and day: depots plan their day at the same time.
DROP INDEX route_plan_one_solving;
CREATE UNIQUE INDEX route_plan_one_solving ON route_plan (plan_date, depot_id) WHERE status = 'SOLVING';
-- a depot's published plan of a day (superseding, the start of a re-plan)
CREATE INDEX route_plan_depot_day_idx ON route_plan (plan_date, depot_id, status, id DESC);

ALTER TABLE plan_route
    -- false: only in the plan for what he did or carries (he was not asked to take new stops)
    ADD COLUMN takes_new      boolean NOT NULL DEFAULT true,
    -- he had set out when the plan was made
    ADD COLUMN set_out        boolean NOT NULL DEFAULT false,
    -- where the rest of his day starts: seconds of the day
    ADD COLUMN start_s        integer,
    ADD COLUMN break_from     time,
    ADD COLUMN break_until    time,
    ADD COLUMN break_minutes  integer NOT NULL DEFAULT 0,
    -- where the plan places his break, if it does
    ADD COLUMN break_start_s  integer,
    ADD COLUMN trips          integer NOT NULL DEFAULT 0;

ALTER TABLE plan_stop
    -- PLANNED (to come), CARRIED (he set out with it), DONE (delivered), FAILED: as when planned
    ADD COLUMN state              text    NOT NULL DEFAULT 'PLANNED'
        CHECK (state IN ('PLANNED', 'CARRIED', 'DONE', 'FAILED')),
    ADD COLUMN finished_at        timestamptz,
    -- the departure from the depot it is served on; the vehicle reloads at the depot before it
    ADD COLUMN trip               integer,
    ADD COLUMN reload_before      boolean NOT NULL DEFAULT false,
    -- the first stop of a trip: when the vehicle leaves the depot for it
    ADD COLUMN depot_departure_s  integer,
    -- the last stop of a trip: when the vehicle is back at the depot
    ADD COLUMN depot_return_s     integer,
    -- the office moved it away from the driver who set out with it (published as taken back)
    ADD COLUMN taken_from         text;
