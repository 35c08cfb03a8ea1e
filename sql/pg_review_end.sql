
-- End of the install script (after the shipped theme lexicon,
-- sql/pg_review_themes.sql): rows added from now on are the users'.
ALTER TABLE @extschema@.review_theme ALTER COLUMN builtin SET DEFAULT false;
-- pg_dump keeps the rows users add; the shipped ones come back with CREATE EXTENSION.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.review_theme', 'WHERE NOT builtin');
