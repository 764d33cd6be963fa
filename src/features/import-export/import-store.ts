// A file waiting to be imported: from the Import button, a drop, or the operating system.
import { create } from 'zustand'

interface ImportQueue {
  file: File | null
  offer: (file: File) => void
  clear: () => void
}

export const useImportQueue = create<ImportQueue>()((set) => ({
  file: null,
  offer: (file) => set({ file }),
  clear: () => set({ file: null }),
}))
