// Short messages for the user (saved, failed, undo), kept in memory only.
import { create } from 'zustand'

export interface Toast {
  id: number
  text: string
  tone: 'info' | 'error'
  action?: { label: string; run: () => void }
}

interface ToastState {
  toasts: Toast[]
  show: (t: Omit<Toast, 'id'>) => void
  dismiss: (id: number) => void
}

let nextId = 1

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  // Keep the newest few, but never push out a message whose action (Undo) is still waiting.
  show: (t) =>
    set((s) => {
      const plain = s.toasts.filter((x) => !x.action)
      const drop = new Set(plain.slice(0, Math.max(0, s.toasts.length - 3)).map((x) => x.id))
      return { toasts: [...s.toasts.filter((x) => !drop.has(x.id)), { ...t, id: nextId++ }] }
    }),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}))

export const showToast = (t: Omit<Toast, 'id'>): void => useToasts.getState().show(t)
