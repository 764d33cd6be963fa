// The export format's name and version, kept apart from its schemas so screens can name them cheaply.

export const FORMAT = 'continuity-kit'
/** The newest format version this app writes and reads. Older ones are migrated on import. */
export const FORMAT_VERSION = 5
export const SCHEMA_PATH = `/schema/continuity-kit.v${FORMAT_VERSION}.json`
/**
 * Imports larger than this are refused before they are read. Export all of 100,000 items made from
 * the continuity template (long guidance on every item) weighs 61 MB compact: the limit leaves
 * four times that, and guards only against a file that is not a backup at all.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024
