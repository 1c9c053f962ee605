// The first schema. Timestamps are ISO-8601 text on both backends (sortable, no zone surprises);
// documents are compact JSON text, parsed in JS (faster to load than jsonb for whole snapshots).
import type { DdlDialect } from './dialect.js';

export function initialSchema(d: DdlDialect): string[] {
  return [
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,

    `CREATE TABLE snapshots (
      id ${d.autoId},
      source TEXT NOT NULL,
      format TEXT NOT NULL,
      list_date TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      entry_count INTEGER NOT NULL DEFAULT 0,
      name_count INTEGER NOT NULL DEFAULT 0,
      imported_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('staged', 'active', 'superseded', 'failed')),
      activated_at TEXT,
      note TEXT
    )`,
    `CREATE INDEX snapshots_source_status ON snapshots (source, status)`,
    // At most one active snapshot per source, enforced by the database itself.
    `CREATE UNIQUE INDEX snapshots_one_active ON snapshots (source) WHERE status = 'active'`,

    // Entries in insertion order (id); the JSON document is the whole ListEntry.
    `CREATE TABLE list_entries (
      id ${d.autoId},
      snapshot_id ${d.bigint} NOT NULL REFERENCES snapshots (id),
      entity_id TEXT NOT NULL,
      source TEXT NOT NULL,
      list TEXT NOT NULL,
      doc TEXT NOT NULL
    )`,
    `CREATE INDEX list_entries_snapshot ON list_entries (snapshot_id, id)`,
    `CREATE INDEX list_entries_entity ON list_entries (entity_id)`,

    `CREATE TABLE rule_sets (sha256 TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL)`,

    `CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      role TEXT NOT NULL,
      label TEXT,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`,

    `CREATE TABLE audit_events (
      seq ${d.bigint} PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      input_hash TEXT,
      outcome TEXT,
      data_versions TEXT,
      detail TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`,
    `CREATE INDEX audit_events_subject ON audit_events (subject)`,

    `CREATE TABLE cases (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL,
      applicant TEXT NOT NULL,
      destination TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      doc TEXT NOT NULL
    )`,
    `CREATE INDEX cases_state ON cases (state, updated_at)`,
    `CREATE INDEX cases_applicant ON cases (applicant)`,
    `CREATE INDEX cases_destination ON cases (destination)`,
    `CREATE INDEX cases_updated ON cases (updated_at)`,

    `CREATE TABLE sequences (name TEXT PRIMARY KEY, value ${d.bigint} NOT NULL)`,

    `CREATE TABLE denial_notifications (
      id TEXT PRIMARY KEY,
      issuer TEXT NOT NULL,
      destination TEXT NOT NULL,
      date TEXT NOT NULL,
      doc TEXT NOT NULL
    )`,

    `CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      total INTEGER NOT NULL,
      chunks INTEGER NOT NULL,
      chunks_done INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      params TEXT NOT NULL,
      error TEXT
    )`,
    `CREATE TABLE job_chunks (
      job_id TEXT NOT NULL REFERENCES jobs (id),
      chunk INTEGER NOT NULL,
      row_count INTEGER NOT NULL,
      done_at TEXT NOT NULL,
      PRIMARY KEY (job_id, chunk)
    )`,
    `CREATE TABLE job_results (
      job_id TEXT NOT NULL REFERENCES jobs (id),
      row_no INTEGER NOT NULL,
      chunk INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (job_id, row_no)
    )`,
  ];
}
