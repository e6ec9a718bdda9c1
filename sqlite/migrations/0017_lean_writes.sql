-- A version's text may be stored deflated (sqlstore/version_text.go says
-- when and how): text_z holds it and text is then empty. Every version
-- stored before keeps its text as it is, with text_z NULL, and reads as
-- before.
ALTER TABLE versions ADD COLUMN text_z BLOB;
