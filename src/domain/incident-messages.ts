// The messages an incident lead sends: a holding statement, a customer update and a staff update,
// filled from the incident as it stands, to copy or open in the mail app. Plain text: what the
// reader needs (what is happening, what still works, when they hear next), nothing to edit out.

export const MESSAGE_KINDS = ['holding', 'customer', 'staff'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MESSAGE_LABELS: Record<MessageKind, string> = {
  holding: 'Holding statement',
  customer: 'Customer update',
  staff: 'Staff update',
}

export interface MessageFacts {
  organisation: string
  title: string
  description: string
  /** "1 Critical" */
  severity: string
  /** The current status in one line, as the lead last set it. */
  statusLine: string
  lead: string
  /** When the incident began, in the reader's words ("29 Nov 2026, 14:05"). */
  since: string
  /** When the next update will come, in the reader's words ("15:30"). */
  nextUpdate: string
  /** Names of the functions that are down, with their workarounds where there is one. */
  functionsDown: readonly { name: string; workaround: string }[]
}

interface Message {
  kind: MessageKind
  subject: string
  body: string
}

const lines = (...parts: (string | false)[]) => parts.filter((p): p is string => p !== false).join('\n')

function status(f: MessageFacts): string {
  return f.statusLine.trim() || 'We are working to restore normal service.'
}

/** One message of `kind`, filled from the facts. */
export function composeMessage(kind: MessageKind, f: MessageFacts): Message {
  const from = f.organisation.trim() || 'the team'
  switch (kind) {
    case 'holding':
      return {
        kind,
        subject: `Service disruption: ${f.title}`,
        body: lines(
          `We are aware of a problem affecting our service since ${f.since} and are working to resolve it.`,
          '',
          status(f),
          '',
          `We will give an update by ${f.nextUpdate}. We are sorry for the inconvenience.`,
          '',
          from,
        ),
      }
    case 'customer':
      return {
        kind,
        subject: `Update on the service disruption: ${f.title}`,
        body: lines(
          `An update on the disruption that began ${f.since}.`,
          '',
          `Current status: ${status(f)}`,
          f.functionsDown.length > 0 && '',
          f.functionsDown.length > 0 && 'Affected:',
          ...f.functionsDown.map((fn) => `- ${fn.name}`),
          '',
          `Our next update will be by ${f.nextUpdate}.`,
          '',
          from,
        ),
      }
    case 'staff':
      return {
        kind,
        subject: `Incident (severity ${f.severity}): ${f.title}`,
        body: lines(
          `Incident declared ${f.since}. Severity ${f.severity}.${f.lead.trim() ? ` Incident lead: ${f.lead.trim()}.` : ''}`,
          f.description.trim() !== '' && '',
          f.description.trim() !== '' && f.description.trim(),
          '',
          `Status: ${status(f)}`,
          f.functionsDown.length > 0 && '',
          f.functionsDown.length > 0 && 'Functions down, and what to do instead:',
          ...f.functionsDown.map((fn) => `- ${fn.name}: ${fn.workaround.trim() || 'no workaround recorded, ask the incident lead'}`),
          '',
          `Do not speak to customers or the press about it beyond the holding statement. Next update by ${f.nextUpdate}.`,
        ),
      }
  }
}

/** A mailto: address that opens the message in the mail app, recipients left to the sender. */
export function mailtoHref(message: Pick<Message, 'subject' | 'body'>, to = ''): string {
  // encodeURIComponent, not URLSearchParams: mail apps read "+" as a plus sign, not a space (RFC 6068).
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body.replace(/\n/g, '\r\n'))}`
}
