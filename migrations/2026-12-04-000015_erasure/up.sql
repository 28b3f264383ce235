-- An account whose person asked to be erased: its personal data is gone, the row stays
-- (as "Borttagen användare") so that the ideas, comments and votes it made keep their place.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;
