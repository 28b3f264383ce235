DROP INDEX notifications_unread_idx;
DROP TABLE match_messages;
DROP TABLE matches;
DROP INDEX needs_tags_idx;
DROP TABLE offerings;
