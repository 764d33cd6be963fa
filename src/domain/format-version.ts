// The export format's name and version, kept apart from its schemas so screens can name them cheaply.

export const FORMAT = 'continuity-kit'
/** The newest format version this app writes and reads. Older ones are migrated on import. */
export const FORMAT_VERSION = 4
export const SCHEMA_PATH = `/schema/continuity-kit.v${FORMAT_VERSION}.json`
/** Imports larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
