-- What the registry is built from, counted when it changes other than by
-- an ingest (docs/decisions.md, "The registry moves with what was
-- stored").
--
-- The registry's signature said whether the library moved by the largest
-- ids and the counts of what it reads. A re-extraction deletes a version's
-- names and inserts the new reading's, and SQLite gives a deleted row's
-- id to the next insert: the newest document read otherwise came back
-- under the same ids and counts, and a reading without names left them
-- all as they were. The registry stayed as it was built. These triggers
-- count every change to what a build reads that an ingest does not make
-- (an ingest only inserts, and its new ids and counts say so): names and
-- mentions deleted or written over, a document's metadata or parties
-- changed, a document deleted, the corrections of its metadata and of
-- sentences' names, and the version links. The columns a registry build
-- writes itself (registry_id) are left out, or a build would move its own
-- signature. The count is a column of collection_stats (migration 0009),
-- in the slot its other counts use: on PostgreSQL a transaction then
-- locks one counter row whatever it changes, and two writers cannot each
-- hold the row the other waits for. SQLite has one writer and one slot.
ALTER TABLE collection_stats ADD COLUMN registry_changes INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER registry_input_citations_delete AFTER DELETE ON citations BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_citations_update AFTER UPDATE OF version_id, title, bracketed, kind, year ON citations BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_entities_delete AFTER DELETE ON entities BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_entities_update AFTER UPDATE OF version_id, kind, name ON entities BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_documents_delete AFTER DELETE ON documents BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_documents_update AFTER UPDATE OF title, kind, language, signed_date ON documents
	WHEN old.title IS NOT new.title OR old.kind IS NOT new.kind OR old.language IS NOT new.language
		OR old.signed_date IS NOT new.signed_date BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
-- an ingest writes a document's parties before its versions: parties
-- written to a document that has a version are a re-extraction's
CREATE TRIGGER registry_input_parties_insert AFTER INSERT ON document_parties
	WHEN EXISTS (SELECT 1 FROM versions WHERE document_id = new.document_id) BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_parties_delete AFTER DELETE ON document_parties BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_versions_update AFTER UPDATE OF document_id, language ON versions
	WHEN old.document_id IS NOT new.document_id OR old.language IS NOT new.language BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_document_corrections_insert AFTER INSERT ON document_corrections BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_document_corrections_update AFTER UPDATE ON document_corrections BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_document_corrections_delete AFTER DELETE ON document_corrections BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_corrections_insert AFTER INSERT ON corrections
	WHEN new.field IN ('references', 'mechanisms', 'projects') BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_corrections_update AFTER UPDATE ON corrections
	WHEN new.field IN ('references', 'mechanisms', 'projects') OR old.field IN ('references', 'mechanisms', 'projects') BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_corrections_delete AFTER DELETE ON corrections
	WHEN old.field IN ('references', 'mechanisms', 'projects') BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_version_links_insert AFTER INSERT ON version_links BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_version_links_update AFTER UPDATE ON version_links BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER registry_input_version_links_delete AFTER DELETE ON version_links BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = 0;
END;
