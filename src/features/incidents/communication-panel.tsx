// Communication: the current status in one line (shown on the status board and in every message),
// the update cadence with the next update due and a reminder once it is, and the three messages
// filled from the incident: copied with one click or opened in the mail app. Each one sent is
// logged as a 'communication' entry, and the cadence counts from it.
import { useId, useState } from 'react'
import { logUpdateSent, setStatusLine } from '../../db/incident-repository'
import type { DrillEvent } from '../../domain/drill-model'
import { describeUpdateDue, nextUpdateDue } from '../../domain/incident-clock'
import type { IncidentRun } from '../../domain/incident'
import { composeMessage, mailtoHref, MESSAGE_KINDS, MESSAGE_LABELS, type MessageFacts, type MessageKind } from '../../domain/incident-messages'
import { LIMITS } from '../../domain/limits'
import { formatWhen } from '../../entities/drill'
import { attempt } from '../../ui/errors'
import { useOrganisationName } from '../../ui/print-masthead'
import { showToast } from '../../ui/toast-store'
import type { Impact } from './use-incident'

const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })

function StatusLineForm({ incident }: { incident: IncidentRun }) {
  const id = useId()
  const stored = incident.incident.statusLine
  const [text, setText] = useState(stored)
  // A change made in another tab shows here unless something is being typed over it.
  const [base, setBase] = useState(stored)
  if (stored !== base) {
    setBase(stored)
    if (text === base) setText(stored)
  }
  const save = async () => {
    if (text.trim() === stored) return
    if (await attempt(() => setStatusLine(incident.id, text)))
      showToast({ tone: 'info', text: 'Status updated: it shows on the status board and in the messages.' })
  }
  return (
    <form
      className="status-line-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <label className="field-label" htmlFor={`${id}-status`}>
        Current status
      </label>
      <span className="inline-form">
        <input
          id={`${id}-status`}
          value={text}
          maxLength={LIMITS.shortText}
          placeholder="One line: what is down, what works, what is being done"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={text.trim() === stored}>
          Set status
        </button>
      </span>
    </form>
  )
}

/**
 * Whether the next update is due, as a reminder that does not go unnoticed. Shown twice on the
 * screen (at the top and with the messages); only `announce`d once, so a screen reader hears it once.
 */
export function UpdateDue({
  incident,
  events,
  now,
  announce = true,
}: {
  incident: IncidentRun
  events: readonly DrillEvent[]
  now: number
  announce?: boolean
}) {
  const due = nextUpdateDue(incident.startedAt, incident.incident.updateEveryMinutes, events, now)
  return due.overdue ? (
    <p className="update-due update-overdue" role={announce ? 'alert' : undefined} data-testid="update-due">
      <span aria-hidden="true">⏰ </span>
      {describeUpdateDue(due)}: send a status update now.
    </p>
  ) : (
    <p className="update-due" data-testid="update-due">
      {describeUpdateDue(due)} <span className="muted">(at {time(due.dueAt)})</span>
    </p>
  )
}

export function CommunicationPanel({
  incident,
  events,
  impact,
  now,
}: {
  incident: IncidentRun
  events: readonly DrillEvent[]
  impact: Impact | undefined
  now: number
}) {
  const id = useId()
  const organisation = useOrganisationName()
  const [kind, setKind] = useState<MessageKind>('holding')
  const [edited, setEdited] = useState<Partial<Record<MessageKind, string>>>({})
  const every = incident.incident.updateEveryMinutes
  const sent = events.filter((e) => e.type === 'communication')
  const facts: MessageFacts = {
    organisation: organisation ?? '',
    title: incident.title,
    description: incident.incident.description,
    severity: incident.incident.severityLabel,
    statusLine: incident.incident.statusLine,
    lead: incident.incident.lead,
    since: formatWhen(incident.startedAt, true),
    // Sending now sets the next one due a cadence from now.
    nextUpdate: time(now + every * 60_000),
    functionsDown: (impact?.stopped ?? []).map((s) => ({ name: s.fn.name, workaround: s.fn.workaround })),
  }
  const composed = composeMessage(kind, facts)
  const body = edited[kind] ?? composed.body
  const message = { subject: composed.subject, body }

  const logSent = async () => {
    const ok = await attempt(() => logUpdateSent(incident.id, kind, message.subject))
    if (ok) {
      // The composed words move on with the clock; an edit made here stays until the message is sent.
      setEdited((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== kind)))
      showToast({ tone: 'info', text: `${MESSAGE_LABELS[kind]} logged as sent. Next update due in ${every} min.` })
    }
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${message.subject}\n\n${message.body}`)
      showToast({ tone: 'info', text: `${MESSAGE_LABELS[kind]} copied. Press "Log as sent" once it has gone out.` })
    } catch {
      showToast({ tone: 'error', text: 'This browser refused the clipboard: select the text of the message and copy it by hand.' })
    }
  }

  return (
    <section className="card communication" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Communication</h2>
      <StatusLineForm incident={incident} />
      <p className="muted">
        Severity {incident.incident.severityLabel || '—'}: a status update every {every} min. {sent.length === 0 ? 'None sent yet.' : `${sent.length} sent.`}
      </p>
      <UpdateDue incident={incident} events={events} now={now} announce={false} />
      <div className="message-kinds" role="radiogroup" aria-label="Message">
        {MESSAGE_KINDS.map((k) => (
          <label key={k} className={`log-type-choice${kind === k ? ' chosen' : ''}`}>
            <input type="radio" className="visually-hidden" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            {MESSAGE_LABELS[k]}
          </label>
        ))}
      </div>
      <p className="message-subject">
        <span className="muted">Subject:</span> {message.subject}
      </p>
      <label className="visually-hidden" htmlFor={`${id}-body`}>
        {MESSAGE_LABELS[kind]} text
      </label>
      <textarea
        id={`${id}-body`}
        className="message-body"
        rows={9}
        value={body}
        maxLength={LIMITS.longText}
        onChange={(e) => setEdited((m) => ({ ...m, [kind]: e.target.value }))}
      />
      <div className="button-row">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <a className="button-link" href={mailtoHref(message)} onClick={() => void logSent()}>
          Open in mail app
        </a>
        <button type="button" className="primary" onClick={() => void logSent()}>
          Log as sent
        </button>
      </div>
      <p className="muted log-hint">Opening it in the mail app logs it as sent; after copying it, press Log as sent once it has gone out.</p>
    </section>
  )
}
