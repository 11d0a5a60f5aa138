-- A delivery history shaped like a gas distributor's, for the report and forecast benchmark
-- (bench/reports) and the forecast back-test: :customers customers (ids 1..:customers, as
-- customer-service/bench/seed.sql makes them) with :per deliveries each, the newest around today.
-- Each customer takes one product (cylinders of one size, or flow gas by the kg) and uses gas at
-- its own rate (a delivery every 8 to 19 days on average), 25 % more in January and 25 % less in
-- July; each interval is the gas delivered at its start divided by that use, times noise
-- (log-normal, sd ≈ 0.25) and, one time in twenty, 1.8 (a holiday, a competitor's delivery).
-- One delivery in ten brings one cylinder more. Area and customer type follow the customer seed.
-- Deterministic (setseed).
SELECT setseed(0.5);
CREATE TEMP TABLE bench_customer AS
SELECT c.customer_id, p.code AS product, p.kind, p.size_kg, c.mean_gap, c.cylinders, c.last_day, c.area,
       c.customer_type, c.driver_id
FROM (SELECT c AS customer_id,
             (ARRAY['R20','R20','R20','R16','R50','R10','F50','F20'])[1 + floor(random() * 8)::int] AS product,
             13.5 * (0.6 + 0.8 * random()) AS mean_gap,
             1 + (random() < 0.4)::int AS cylinders,
             current_date - floor(random() * 12)::int AS last_day,
             (ARRAY['中正區','大同區','中山區','松山區','大安區','萬華區','信義區','士林區','北投區','內湖區',
                    '南港區','文山區','板橋區','三重區','中和區','永和區','新莊區','新店區','土城區','蘆洲區',
                    '汐止區','樹林區','鶯歌區','三峽區','淡水區','桃園區','中壢區','平鎮區','八德區','楊梅區'])[1 + c % 30] AS area,
             (ARRAY['餐廳','住家','工廠','商店'])[1 + c % 4] AS customer_type,
             'D0' || (1 + c % 8) AS driver_id
      FROM generate_series(1, :customers) c) c
JOIN delivery.product p ON p.code = c.product;

CREATE TEMP TABLE bench_delivery AS
WITH d AS (
    SELECT bc.*, i,
           CASE WHEN kind = 'FLOW' THEN round((size_kg * (0.7 + 0.3 * random()))::numeric, 1)
                ELSE cylinders + (random() < 0.1)::int END AS quantity,
           -- noise: a sum of three uniforms is near enough to normal
           exp(0.25 * 2 * (random() + random() + random() - 1.5)) * CASE WHEN random() < 0.05 THEN 1.8 ELSE 1 END AS noise
    FROM bench_customer bc, generate_series(1, :per) i),
kg AS (
    SELECT d.*, CASE WHEN kind = 'FLOW' THEN quantity ELSE quantity * size_kg END AS kg,
           size_kg * CASE WHEN kind = 'FLOW' THEN 0.85 ELSE cylinders END / mean_gap AS rate
    FROM d),
plain AS (
    -- the interval after each delivery without the season, and from it roughly when it falls
    SELECT kg.*, CASE WHEN i = :per THEN 0 ELSE kg / rate * noise END AS plain_gap
    FROM kg),
dated AS (
    SELECT plain.*,
           extract(month FROM last_day - round(sum(plain_gap) OVER (PARTITION BY customer_id ORDER BY i DESC
                                                                ROWS UNBOUNDED PRECEDING))::int) AS month
    FROM plain),
gaps AS (
    SELECT dated.*, plain_gap / (1 + 0.25 * cos(2 * pi() * (month - 1) / 12)) AS gap_after
    FROM dated)
SELECT customer_id, product, quantity, area, customer_type, driver_id, i,
       last_day - round(sum(gap_after) OVER (PARTITION BY customer_id ORDER BY i DESC ROWS UNBOUNDED PRECEDING))::int AS day
FROM gaps;

INSERT INTO delivery.delivery (customer_id, delivered_at, delivery_date, driver_id, driver_name, amount_collected,
                               payment_method, area, customer_type)
SELECT customer_id, (day + time '08:00' + (customer_id % 600) * interval '1 minute') AT TIME ZONE 'Asia/Taipei', day,
       driver_id, driver_id || '師傅', (quantity * 800)::bigint, CASE WHEN customer_id % 5 = 0 THEN 'MONTHLY' ELSE 'CASH' END,
       area, customer_type
FROM bench_delivery ORDER BY day, customer_id, i;
-- one item per delivery, matched by (customer, date)
CREATE INDEX ON bench_delivery (customer_id, day);
ANALYZE bench_delivery;
INSERT INTO delivery.delivery_item (delivery_id, product_code, quantity, empties)
SELECT d.id, b.product, b.quantity, CASE WHEN b.product LIKE 'F%' THEN 0 ELSE b.quantity::int END
FROM delivery.delivery d
JOIN bench_delivery b ON b.customer_id = d.customer_id AND b.day = d.delivery_date
WHERE d.order_id IS NULL AND d.id > (SELECT coalesce(max(delivery_id), 0) FROM delivery.delivery_item);
ANALYZE delivery.delivery;
ANALYZE delivery.delivery_item;
