// Settings → Share with your team: the connection form (with the passphrase warning first), then,
// once on, the state, pause and turn off, and what needs someone's attention.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState, type FormEvent } from 'react'
import { Link } from 'wouter'
import { allConflicts } from '../../db/sync/conflict-choices'
import { pauseSharing, turnOffSharing, turnOnSharing } from '../../db/sync/engine'
import { syncBook } from '../../db/sync/sync-book'
import { formatDateTime } from '../../domain/date-times'
import { ValidationError } from '../../domain/validation-error'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt, describeError } from '../../ui/errors'
import { href } from '../../ui/routes'
import { showToast } from '../../ui/toast-store'
import { sharingSummary, useSharing } from './use-sharing'
import './sync.css'

export default function SharingCard() {
  const status = useSharing()
  return (
    <div className="card sharing-card" id="sharing">
      <h2>Share with your team</h2>
      {status.mode === 'off' ? <TurnOnForm /> : <SharingOn />}
    </div>
  )
}

function TurnOnForm() {
  const id = useId()
  const [form, setForm] = useState({ server: '', database: '', user: '', password: '', passphrase: '' })
  const [understood, setUnderstood] = useState(false)
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const field = (name: keyof typeof form) => ({
    id: `${id}-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  })
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setProblems([])
    try {
      const { created } = await turnOnSharing(form)
      showToast({
        tone: 'info',
        text: created
          ? 'Sharing is on. This device started the team’s space on the server; give your team the same details and passphrase.'
          : 'Sharing is on. This device joined the team: its plans arrive as they sync.',
      })
    } catch (error) {
      setProblems(error instanceof ValidationError ? error.problems : [describeError(error)])
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="sharing-form" aria-describedby={`${id}-about`}>
      <p id={`${id}-about`}>
        Keep the same plans, drills, incidents, scenarios and templates on several devices, so the plan does not live on one laptop. Every device keeps a full
        copy and works offline; changes meet through your team’s CouchDB server when devices are online. With sharing off, nothing leaves this device.
      </p>
      <label htmlFor={`${id}-server`}>Server address</label>
      <input type="url" inputMode="url" autoComplete="url" placeholder="https://couch.example.org" required {...field('server')} />
      <label htmlFor={`${id}-database`}>Database</label>
      <input type="text" autoCapitalize="none" spellCheck={false} placeholder="continuity" required {...field('database')} />
      <label htmlFor={`${id}-user`}>User</label>
      <input type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required {...field('user')} />
      <label htmlFor={`${id}-password`}>Password</label>
      <input type="password" autoComplete="current-password" required {...field('password')} />
      <label htmlFor={`${id}-passphrase`}>Team passphrase</label>
      <input type="password" autoComplete="new-password" minLength={12} required aria-describedby={`${id}-warning`} {...field('passphrase')} />
      <div className="sharing-warning" id={`${id}-warning`}>
        <p>
          <strong>The team passphrase cannot be recovered.</strong> Everything is encrypted on this device with a key made from it before it is sent, so the
          server, and whoever runs it, holds only ciphertext. Nobody can reset it: if it is forgotten, the copy on the server cannot be read, and each device is
          left with only its own copy.
        </p>
        <p>Use the same passphrase on every device of the team, and keep it where you keep your other continuity records, not only on this laptop.</p>
      </div>
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> I have written the passphrase down somewhere safe, and
        I understand it cannot be recovered
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="sharing-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        <button type="submit" className="primary" disabled={!understood || busy} aria-busy={busy}>
          {busy ? 'Checking with the server…' : 'Turn on sharing'}
        </button>
      </p>
    </form>
  )
}

function SharingOn() {
  const status = useSharing()
  const [confirmOff, setConfirmOff] = useState(false)
  const conflicts = useLiveQuery(allConflicts, [])
  const problems = useLiveQuery(() => syncBook.problems.toArray(), [])
  const conflictCount = conflicts?.reduce((n, c) => n + c.conflicts.length, 0) ?? 0
  const plans = [...new Set((conflicts ?? []).map((c) => c.planId).filter(Boolean))]
  const off = async () => {
    setConfirmOff(false)
    const done = await attempt(async () => {
      await turnOffSharing()
      return true
    })
    if (done) showToast({ tone: 'info', text: 'Sharing is off on this device. The plans here stay as they are.' })
  }
  return (
    <>
      <dl className="facts" data-testid="sharing-facts">
        <dt>State</dt>
        <dd>{sharingSummary(status)}</dd>
        {status.message && status.state !== 'error' && (
          <>
            <dt>Why</dt>
            <dd>{status.message}</dd>
          </>
        )}
        <dt>Server</dt>
        <dd>{status.server}</dd>
        <dt>Database</dt>
        <dd>{status.database}</dd>
        <dt>User</dt>
        <dd>{status.user}</dd>
        <dt>Last in step with the server</dt>
        <dd>{status.lastSyncedAt ? formatDateTime(status.lastSyncedAt) : 'Not yet in this session'}</dd>
      </dl>
      {conflictCount > 0 && (
        <p role="status">
          {conflictCount === 1 ? 'One field was' : `${conflictCount} fields were`} changed on two devices while apart. Choose which to keep on the plan:{' '}
          {plans.map((planId, i) => (
            <span key={planId}>
              {i > 0 && ', '}
              <Link href={href.plan(planId)}>open the plan</Link>
            </span>
          ))}
        </p>
      )}
      {problems !== undefined && problems.length > 0 && (
        <div role="alert" className="sharing-problems">
          <p>{problems.length === 1 ? 'One change' : `${problems.length} changes`} from other devices could not be taken in:</p>
          <ul>
            {problems.slice(0, 20).map((p) => (
              <li key={p.key}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="sharing-actions">
        {status.state === 'other-tab' ? (
          <span className="muted">Another tab of this app is sharing for this device: pause it there.</span>
        ) : (
          <button type="button" onClick={() => void attempt(() => pauseSharing(status.mode !== 'paused'))}>
            {status.mode === 'paused' ? 'Resume sharing' : 'Pause sharing'}
          </button>
        )}
        <button type="button" className="danger" onClick={() => setConfirmOff(true)}>
          Turn off sharing…
        </button>
      </p>
      <p className="muted">The password is kept on this device so sharing can reconnect; the passphrase is not kept, only the key made from it.</p>
      <ConfirmDialog
        open={confirmOff}
        title="Turn off sharing on this device?"
        confirmLabel="Turn off sharing"
        danger
        onConfirm={() => void off()}
        onCancel={() => setConfirmOff(false)}
      >
        <p>
          This device stops sending and receiving changes and forgets the server’s details. Everything on this device stays as it is, and the rest of the team
          keeps sharing. {status.waiting > 0 && `${status.waiting} changes made here have not reached the server yet and will not be sent.`}
        </p>
      </ConfirmDialog>
    </>
  )
}
