// Tells the user about drafts the journal could not write back (their row is gone, another tab
// changed the field after they typed, or the text breaks a rule): each stays until the user has
// copied or dismissed it, so nothing typed disappears without a word.
import type { DraftJournal } from '../domain/draft-journal'
import { entryText } from '../domain/draft-journal'
import { replayJournal } from '../db/draft-replay'
import { draftJournal } from './autosave'
import { showToast } from './toast-store'

export function reportSetAsideDrafts(journal: DraftJournal = draftJournal): void {
  for (const { key, entry, reason } of journal.aside()) {
    const words = entryText(entry)
    showToast({
      tone: 'error',
      // Where the browser offers no clipboard (a page not served over HTTPS), the message holds all
      // the words, to select and copy by hand before dismissing it.
      text: `Not saved: what you typed in ${entry.label} (${reason}): “${words.length > 200 && navigator.clipboard ? `${words.slice(0, 200)}…` : words}”`,
      action: navigator.clipboard
        ? {
            label: 'Copy text and dismiss',
            run: () => {
              // Only forget it once it is safely on the clipboard.
              navigator.clipboard.writeText(words).then(
                () => journal.dismissAside(key),
                () => showToast({ tone: 'error', text: 'The text could not be copied; it is shown again on the next visit.' }),
              )
            },
          }
        : { label: 'Dismiss', run: () => journal.dismissAside(key) },
    })
  }
}

/** At start-up: writes what the journal kept from an earlier visit, then reports what it could not. */
export async function replayDrafts(): Promise<void> {
  try {
    await replayJournal(draftJournal)
  } finally {
    reportSetAsideDrafts()
  }
}
