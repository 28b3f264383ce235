-- Content held for review (links from an account younger than a day): hidden until a
-- moderator decides, through a report the platform makes itself (no reporter).
ALTER TABLE reports ADD COLUMN held BOOLEAN NOT NULL DEFAULT false;
