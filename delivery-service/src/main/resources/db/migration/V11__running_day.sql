-- The running day (issue 15): when an order went out and was finished, and where it sits on the
-- route route-service published (trip, estimated arrival), for the driver's day, the cash close and
-- the customers' "on the way" message.

ALTER TABLE orders
    -- when the driver set out with it (OUT_FOR_DELIVERY)
    ADD COLUMN out_at          timestamptz,
    -- when it was delivered or failed
    ADD COLUMN finished_at     timestamptz,
    -- the departure from the depot it goes on (1, 2, … a vehicle reloads between trips); a driver
    -- setting out takes the orders of his next trip only
    ADD COLUMN trip            integer CHECK (trip > 0),
    -- the published route's estimated arrival at the customer, and when that trip was to leave the
    -- depot: the SMS sent when he sets out shifts the estimate by how late he left
    ADD COLUMN eta             time,
    ADD COLUMN trip_departure  time;

-- Delivered and failed orders of the live tables get their time from what is known.
UPDATE orders o SET finished_at = d.delivered_at FROM delivery d WHERE d.order_id = o.id AND o.status = 'DELIVERED';
UPDATE orders SET finished_at = updated_at WHERE status = 'FAILED';
