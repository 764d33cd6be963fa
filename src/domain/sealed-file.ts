// How a protected backup announces itself: the envelope's format comes first in the file, so the
// import can tell from a file's first bytes whether to ask for a passphrase. Kept apart from the
// envelope's code, which loads only when a protected file is opened.

export const ENVELOPE_FORMAT = 'continuity-kit-encrypted'

/** Whether the start of a file is a protected backup. */
export const looksSealed = (head: string): boolean => /^\s*\{\s*"format"\s*:\s*"continuity-kit-encrypted"/.test(head)
