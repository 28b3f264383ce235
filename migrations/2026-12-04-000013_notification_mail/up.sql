-- Notifications by e-mail: each person's choice per kind (at once, daily or weekly digest,
-- never), and which notifications the mail worker has dealt with.

-- The kinds the person changed from their defaults, as {"kind": "frequency"}.
CREATE TABLE notification_settings (
    user_id     UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    frequencies JSONB NOT NULL DEFAULT '{}',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- When a notification written with `frequency` at `created` falls due for mail: at once,
-- at the next 06:00 in Sweden (daily digest), at the next Monday 06:00 (weekly), or never.
CREATE FUNCTION notification_mail_due(frequency TEXT, created TIMESTAMPTZ) RETURNS TIMESTAMPTZ
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE frequency
        WHEN 'immediately' THEN created
        WHEN 'daily' THEN (date_trunc('day', (created AT TIME ZONE 'Europe/Stockholm') - interval '6 hours')
                           + interval '1 day 6 hours') AT TIME ZONE 'Europe/Stockholm'
        WHEN 'weekly' THEN (date_trunc('week', (created AT TIME ZONE 'Europe/Stockholm') - interval '6 hours')
                            + interval '7 days 6 hours') AT TIME ZONE 'Europe/Stockholm'
    END
$$;

-- How the notification is mailed (the person's choice when it was written, or since), when
-- it falls due, and when the mail worker mailed it, alone or in a digest. A notification
-- read in the app before it falls due is not mailed.
ALTER TABLE notifications
    ADD COLUMN mail_frequency TEXT NOT NULL DEFAULT 'never'
        CHECK (mail_frequency IN ('immediately', 'daily', 'weekly', 'never')),
    ADD COLUMN mail_due_at TIMESTAMPTZ,
    ADD COLUMN mail_handled_at TIMESTAMPTZ;
-- (Those written before notifications were mailed stay unmailed: 'never'.)
CREATE INDEX notifications_mail_due_idx ON notifications (mail_due_at)
    WHERE mail_handled_at IS NULL AND read_at IS NULL;

-- One spelling for every kind of notification.
UPDATE notifications SET kind = replace(kind, '.', '_') WHERE kind IN ('method.published', 'method.adopted');
