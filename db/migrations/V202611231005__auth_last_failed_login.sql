-- When a user's last failed sign-in happened, so that retention can reset lockout counters that
-- have been quiet for the retention period.
ALTER TABLE auth_user ADD COLUMN last_failed_login_at TIMESTAMP;
