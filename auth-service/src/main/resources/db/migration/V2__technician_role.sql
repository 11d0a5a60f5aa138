-- The company's safety technician (issue 18): records customers' gas installation checks.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'OFFICE', 'DRIVER', 'TECHNICIAN'));
