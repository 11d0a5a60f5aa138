-- Generated history for the delivery benchmark: :n deliveries (with one item each) spread over
-- ten years and :customers customers, as the importer will load them. Deterministic (setseed).
SELECT setseed(0.7);
INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_name, amount_collected, payment_method)
SELECT c, ts, (ts AT TIME ZONE 'Asia/Taipei')::date,
       (ARRAY['王','李','陳','林','張'])[1 + (random() * 4)::int] || '師傅', (800 + random() * 3000)::int, 'CASH'
FROM (SELECT 1 + (i % :customers) AS c,
             timestamptz '2016-01-01 08:00+08' + (random() * 3600) * interval '1 day' AS ts
      FROM generate_series(1, :n) AS i) AS s;
INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties)
SELECT id, (ARRAY['R20', 'R16', 'R50', 'R10'])[1 + id % 4], 1 + id % 3, 1 + id % 3
FROM delivery.delivery WHERE order_id IS NULL;
ANALYZE delivery.delivery;
ANALYZE delivery.delivery_item;
