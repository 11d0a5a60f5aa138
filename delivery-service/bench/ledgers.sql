-- The ledgers' benchmark data (issue 17), on top of bench/history.sql (350,000 deliveries of 1,300
-- customers over ten years), as if the platform had made every one of them — the ledgers'
-- heaviest case: every delivery valued (R20 800, R16 650, R50 1,900, R10 450, flow gas 45.5/kg),
-- CASH customers paying at the door, MONTHLY ones (every fifth) paying each month by transfer except
-- the last two months (and every seventh customer nothing for the last five); each customer's
-- cylinder ledger opened before its first delivery, so a balance reads its whole history; and
-- :drivers drivers with :stops platform deliveries each today, for closing their days.
-- Seeded with the account triggers off (row by row they would take a minute or two here), then
-- the totals they keep computed at once from account_entry, the rule they apply.
ALTER TABLE delivery.delivery DISABLE TRIGGER delivery_account_update;
ALTER TABLE delivery.payment DISABLE TRIGGER payment_account;
UPDATE delivery.delivery_item i SET unit_price = CASE i.product_code WHEN 'R20' THEN 800 WHEN 'R16' THEN 650
       WHEN 'R50' THEN 1900 WHEN 'R10' THEN 450 ELSE 45.5 END;
UPDATE delivery.delivery d SET value = v.value,
       amount_collected = CASE WHEN d.customer_id % 5 = 0 THEN 0 ELSE v.value END
FROM (SELECT delivery_id, round(sum(quantity * unit_price))::bigint AS value FROM delivery.delivery_item GROUP BY 1) v
WHERE v.delivery_id = d.id;

INSERT INTO delivery.payment (customer_id, paid_on, method, amount, reference, recorded_by)
SELECT customer_id, (month + interval '1 month' + interval '9 days')::date, 'TRANSFER', sum(value), 'bench', 'bench'
FROM (SELECT customer_id, date_trunc('month', delivery_date)::date AS month, value FROM delivery.delivery
      WHERE customer_id % 5 = 0) d
WHERE month < date_trunc('month', current_date) - interval '2 months'
  AND (customer_id % 7 <> 0 OR month < date_trunc('month', current_date) - interval '5 months')
GROUP BY customer_id, month;

ALTER TABLE delivery.delivery ENABLE TRIGGER delivery_account_update;
ALTER TABLE delivery.payment ENABLE TRIGGER payment_account;
INSERT INTO delivery.account (customer_id, charged, credited)
SELECT customer_id, sum(charge), sum(credit) FROM delivery.account_entry GROUP BY customer_id;

WITH c AS (
    INSERT INTO delivery.cylinder_count (customer_id, counted_at, kind, reason, recorded_by)
    SELECT customer_id, min(delivered_at) - interval '1 day', 'OPENING', 'bench', 'bench'
    FROM delivery.delivery GROUP BY customer_id
    RETURNING id, customer_id)
INSERT INTO delivery.cylinder_count_line (count_id, product_code, quantity)
SELECT c.id, 'R20', 2 FROM c;

-- today's platform deliveries: an order each, :stops per driver, drivers DB001…
WITH o AS (
    INSERT INTO delivery.orders (customer_id, requested_date, status, total_amount, customer_code, customer_name,
                                 area, driver_id)
    SELECT 1 + (i * 13) % 1300, (now() AT TIME ZONE 'Asia/Taipei')::date, 'DELIVERED', 1600, (1000 + i)::text,
           '客戶' || i, '中正區', 'DB' || lpad((1 + i % :drivers)::text, 3, '0')
    FROM generate_series(0, :drivers * :stops - 1) i
    RETURNING id, customer_id, driver_id),
d AS (
    INSERT INTO delivery.delivery (order_id, customer_id, delivered_at, delivery_date, driver_id, amount_collected,
                                   payment_method, area, customer_type, value)
    SELECT id, customer_id, now(), (now() AT TIME ZONE 'Asia/Taipei')::date, driver_id, 1600, 'CASH', '中正區', '餐廳', 1600
    FROM o
    RETURNING id)
INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties, unit_price)
SELECT id, 'R20', 2, 2, 800 FROM d;

VACUUM ANALYZE delivery.delivery;
VACUUM ANALYZE delivery.account;
VACUUM ANALYZE delivery.delivery_item;
ANALYZE delivery.payment;
ANALYZE delivery.cylinder_count;
ANALYZE delivery.orders;
