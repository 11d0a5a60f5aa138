-- The dashboard (issue 5): the day's deliveries by product, driver and cash.
-- serves: deliveries of one day (dashboard, today's board)
CREATE INDEX delivery_date_idx ON delivery (delivery_date);
