// On the home page: a suggestion to export everything, 30 days after the last backup when
// something changed since (see domain/backup-reminder.ts). Dismissed, it keeps quiet for 30 days.
import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import { backupDue, olderThan, REMIND_AFTER_DAYS } from '../../domain/backup-reminder'
import { href } from '../../ui/routes'

// A dismissal is a preference of this browser, not data: localStorage, like other layout hints.
const DISMISSED = 'ck:backup-reminder-dismissed'
const readDismissed = (): string => {
  try {
    return localStorage.getItem(DISMISSED) ?? ''
  } catch {
    return ''
  }
}

export function BackupReminder() {
  const [due, setDue] = useState(false)
  useEffect(() => {
    let live = true
    const now = new Date()
    const older = (since: string) => olderThan(since, REMIND_AFTER_DAYS, now)
    void import('../../db/exchange-repository')
      .then(({ readBackupFacts }) => readBackupFacts(readDismissed(), older))
      .then((facts) => {
        if (live) setDue(backupDue(facts, now))
      })
      .catch(() => undefined) // A suggestion that cannot be worked out is simply not shown.
    return () => {
      live = false
    }
  }, [])
  if (!due) return null
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED, new Date().toISOString())
    } catch {
      // Not remembered: it may show again on the next visit.
    }
    setDue(false)
  }
  return (
    <aside className="notice backup-reminder" aria-label="Backup suggestion">
      <p>
        Your plans changed, and everything was last exported more than {REMIND_AFTER_DAYS} days ago (or never). A backup file kept elsewhere is what brings them
        back if this device is lost.
      </p>
      <p className="button-row">
        <Link href={href.settings()} className="button-link primary">
          Back up now
        </Link>
        <button type="button" onClick={dismiss}>
          Not now
        </button>
      </p>
    </aside>
  )
}
