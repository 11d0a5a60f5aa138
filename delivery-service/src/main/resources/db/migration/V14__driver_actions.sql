-- What a driver's phone did (issue 18): every action (set out, complete, fail) carries a key the
-- phone made and the time it happened on the phone. The key is what makes a replay — the same
-- request again, hours later from a dead zone — answer what the first answered: the answer is kept
-- with the key, in the transaction of the action (or, for a refusal, right after it).
CREATE TABLE driver_action (
    action_key    text        PRIMARY KEY CHECK (length(action_key) BETWEEN 8 AND 100),
    driver_id     text,
    kind          text        NOT NULL CHECK (kind IN ('START', 'COMPLETE', 'FAIL')),
    order_id      bigint,
    happened_at   timestamptz NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    response      text        NOT NULL,
    -- what happened when the action overrode an earlier one (a completion over a failure)
    note          text,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
-- an order's actions, for the office's view of what the phone sent
CREATE INDEX driver_action_order_idx ON driver_action (order_id, happened_at) WHERE order_id IS NOT NULL;
