-- one customer's orders, newest first (customer-service asks before deleting a customer;
-- the office's order list filtered by customer)
CREATE INDEX orders_customer_idx ON orders (customer_id, requested_date DESC, id DESC);
