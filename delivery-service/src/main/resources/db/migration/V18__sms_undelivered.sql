-- The rule, once (delivery-service's JobWatch and deploy/ops/check): SMS not delivered to a customer —
-- pending for longer than p_pending_for, or given up after their last try within the last day. By the
-- database's clock, which wrote created_at.
CREATE FUNCTION sms_undelivered(p_pending_for interval) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM delivery.notification
    WHERE status = 'PENDING' AND created_at < now() - p_pending_for
       OR status = 'GAVE_UP' AND created_at > now() - interval '1 day'
$$;
