-- A sentence's anchor hash as 32 bytes (issue 18, item 3).
--
-- The sha256 of a sentence's text was stored as 64 hex characters
-- (text_sha256), 0.58 times the text. New rows write the 32 bytes in
-- anchor_sha256 and leave text_sha256 empty; the rows written before are
-- converted where their text_sha256 is lowercase hex (every anchor the
-- store wrote), and any other keeps its text_sha256 as it is, with
-- anchor_sha256 NULL. A sentence's anchor is therefore text_sha256 ||
-- lower(hex(anchor_sha256)), one of the two empty (sqlstore/anchor.go):
-- commitments, corrections and statuses keep their anchors as hex text,
-- and compare with that.
ALTER TABLE sentences ADD COLUMN anchor_sha256 BLOB;
UPDATE sentences SET anchor_sha256 = unhex(text_sha256), text_sha256 = ''
WHERE text_sha256 <> '' AND length(text_sha256) % 2 = 0 AND text_sha256 NOT GLOB '*[^0-9a-f]*';
