// The tunable numbers of the list pipeline, in one place (CLI defaults read them from here).

/** A list snapshot older than this many days is reported as stale by `vigil lists status`. */
export const DEFAULT_MAX_AGE_DAYS = 45;

/** `vigil lists update`: give up on a download that has not completed within this time. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

/** Entries written per `addEntries` call: large enough to be fast, small enough to show progress. */
export const IMPORT_BATCH_SIZE = 2_000;

/**
 * Longest name accepted. The longest real name in the bundled lists is 381 characters (a CSL
 * entity); anything far beyond that is a corrupt file, not a name, and is rejected.
 */
export const MAX_NAME_CHARS = 2_000;

/** csv-parse guard against a runaway quoted field swallowing the rest of a file. */
export const MAX_CSV_RECORD_BYTES = 4 * 1024 * 1024;

/** Refuse an import whose entry count falls below this share of the active snapshot's (unless --force). */
export const SUSPICIOUS_SHRINK_RATIO = 0.5;
