// The live region where toasts appear; errors stay until dismissed, the rest fade after a while.
import { useEffect } from 'react'
import { useToasts, type Toast } from './toast-store'

function ToastView({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss)
  useEffect(() => {
    if (toast.tone === 'error') return
    // A message with an action (Undo) stays long enough to be used.
    const t = setTimeout(() => dismiss(toast.id), toast.action ? 60_000 : 8000)
    return () => clearTimeout(t)
  }, [toast, dismiss])
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast-text">
        {toast.tone === 'error' ? 'Error: ' : ''}
        {toast.text}
      </span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.run()
            dismiss(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="ghost" aria-label="Dismiss message" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  )
}

export function Toasts() {
  const toasts = useToasts((s) => s.toasts)
  return (
    <div className="toasts no-print" aria-live="polite">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  )
}
