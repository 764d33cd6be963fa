// The pieces of the runbook that the grab pack and the quick cards share: steps by role with the
// people who hold each role, people as call cards with tel: links, and function cards with the
// suppliers they need. Cards, never wide tables: nothing scrolls sideways on a phone or is cut on paper.
import { formatMinutes } from '../../domain/duration'
import { webAddress } from '../../domain/fields'
import type { FunctionCard, Holder, RoleSteps, SupplierLine } from '../../domain/grab-pack'
import { phoneParts } from '../../domain/phone-links'

/** A phone text with each number in it a tel: link; the words around stay as written. */
function Phone({ text }: { text: string }) {
  return (
    <>
      {phoneParts(text).map((p, i) =>
        p.tel ? (
          <a key={i} href={p.tel} className="tel">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  )
}

function WebLink({ text }: { text: string }) {
  const href = webAddress(text)
  return href ? <a href={href}>{text}</a> : <>{text}</>
}

/** Who holds a role, in one line each: name (and role, where asked), phone, deputy. */
export function HolderLine({ h, withRole = false }: { h: Holder; withRole?: boolean }) {
  return (
    <li>
      <strong>{h.name}</strong>
      {withRole && h.role && <span className="rb-role-name"> · {h.role}</span>}
      {h.phone && (
        <>
          {' '}
          <span aria-hidden="true">☎ </span>
          <Phone text={h.phone} />
        </>
      )}
      {h.deputy && <span className="muted"> · deputy {h.deputy}</span>}
    </li>
  )
}

/** One role's steps, with their how (shown, or with `details` folded); with `people`, who holds the role (a quick card lists them once, under whom to call). */
export function RoleCard({ group, details = false, people = true }: { group: RoleSteps; details?: boolean; people?: boolean }) {
  // The people named for the role; a row still waiting for its name adds nothing to a card for the day.
  const named = people ? group.holders.filter((h) => h.name.trim() !== '') : []
  return (
    <div className="rb-card rb-role" data-testid="role-card">
      <h3>{group.role || 'Role not set'}</h3>
      {people && group.role && group.holders.length === 0 && <p className="muted rb-small">Nobody holds this role in a roles section or contact tree.</p>}
      {people && group.holders.length > 0 && named.length === 0 && <p className="muted rb-small">No one named for this role yet.</p>}
      {named.length > 0 && (
        <ul className="rb-holders">
          {named.map((h) => (
            <HolderLine key={h.id} h={h} />
          ))}
        </ul>
      )}
      <ol className="rb-steps">
        {group.steps.map((s) => (
          <li key={s.id} data-testid="runbook-step">
            <span className="rb-box" aria-hidden="true">
              ☐{' '}
            </span>
            {s.text}
            {/* On paper the how comes after the call list (StepDetails), so page 1 holds the first hour and the call list. */}
            {s.guidance.trim() &&
              (details ? (
                <p className="rb-small no-print">{s.guidance}</p>
              ) : (
                <details className="rb-how no-print">
                  <summary>How</summary>
                  <p className="rb-small">{s.guidance}</p>
                </details>
              ))}
            {s.notes.trim() && <p className="rb-small rb-notes">{s.notes}</p>}
          </li>
        ))}
      </ol>
    </div>
  )
}

export function CallCard({ h }: { h: Holder }) {
  return (
    <div className="rb-card rb-call" data-testid="call-card">
      <p className="rb-name">
        <strong>{h.name || 'No name yet'}</strong>
        {h.role && <span className="rb-role-name"> · {h.role}</span>}
      </p>
      <p>
        <span aria-hidden="true">☎ </span>
        {h.phone ? <Phone text={h.phone} /> : <span className="muted">no phone recorded</span>}
      </p>
      {h.deputy && <p className="rb-small">Deputy: {h.deputy}</p>}
      {h.calls && <p className="rb-small">Calls: {h.calls}</p>}
      {h.notes.trim() && <p className="rb-small rb-notes">{h.notes}</p>}
    </div>
  )
}

export function SupplierItem({ s }: { s: SupplierLine }) {
  return (
    <li>
      <strong>{s.name}</strong>
      {s.indirect && <span className="muted"> (through a function it needs)</span>}
      {!s.known && <span className="muted"> (not in a live supplier register)</span>}
      {s.supportLine && (
        <>
          {' '}
          · support <Phone text={s.supportLine} />
        </>
      )}
      {s.statusPage && (
        <>
          {' '}
          · status <WebLink text={s.statusPage} />
        </>
      )}
      {s.runsOn && <span className="muted"> · runs on {s.runsOn}</span>}
      {s.alternative && <span> · alternative: {s.alternative}</span>}
    </li>
  )
}

/** The how of every step, for paper: after the call list, so page 1 keeps the first hour and the call list. */
export function StepDetails({ phases }: { phases: { label: string; groups: RoleSteps[] }[] }) {
  const withHow = phases
    .map((p) => ({ label: p.label, steps: p.groups.flatMap((g) => g.steps.filter((s) => s.guidance.trim()).map((s) => ({ ...s, role: g.role }))) }))
    .filter((p) => p.steps.length > 0)
  if (withHow.length === 0) return null
  return (
    <section className="print-only rb-details">
      <h2>How, step by step</h2>
      {withHow.map((p) => (
        <div key={p.label}>
          <h3>{p.label}</h3>
          <dl>
            {p.steps.map((s) => (
              <div key={s.id}>
                <dt>
                  {s.text} <span className="rb-role-name">· {s.role || 'role not set'}</span>
                </dt>
                <dd>{s.guidance}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  )
}

export function FunctionCardView({ fn, because = [] }: { fn: FunctionCard; because?: string[] }) {
  return (
    <div className="rb-card rb-function" data-testid="function-card">
      <h3>
        {fn.name} <span className="rb-rto">RTO {fn.rto === null ? 'not set' : formatMinutes(fn.rto)}</span>
      </h3>
      {!fn.critical && <p className="rb-small muted">Impact: {fn.impact ?? 'not rated'}</p>}
      {because.length > 0 && <p className="rb-small muted">Stops because of: {because.join('; ')}</p>}
      <p>
        <span className="rb-label">Workaround:</span> {fn.workaround.trim() || <span className="muted">none recorded</span>}
      </p>
      {fn.suppliers.length > 0 && (
        <ul className="rb-suppliers">
          {fn.suppliers.map((s) => (
            <SupplierItem key={`${s.id}-${s.indirect}`} s={s} />
          ))}
        </ul>
      )}
    </div>
  )
}
