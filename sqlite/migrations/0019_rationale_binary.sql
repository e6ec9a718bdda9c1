-- A sentence's rationale in a binary form (sqlstore/rationale_binary.go),
-- a quarter of the compact JSON that evidence holds: new rows write
-- evidence_z and leave evidence empty; rows written before keep evidence
-- as it is, evidence_z NULL, and read as before.
ALTER TABLE sentences ADD COLUMN evidence_z BLOB;
