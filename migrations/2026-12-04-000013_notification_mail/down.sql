UPDATE notifications SET kind = replace(kind, 'method_', 'method.') WHERE kind IN ('method_published', 'method_adopted');
DROP INDEX notifications_mail_due_idx;
ALTER TABLE notifications DROP COLUMN mail_handled_at, DROP COLUMN mail_due_at, DROP COLUMN mail_frequency;
DROP FUNCTION notification_mail_due;
DROP TABLE notification_settings;
