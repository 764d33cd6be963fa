// Whether the browser keeps this app's data under storage pressure, and how much space it uses.

export interface StorageStatus {
  persisted: boolean | null
  usage: number | null
  quota: number | null
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  const persisted = storage?.persisted ? await storage.persisted() : null
  const estimate = storage?.estimate ? await storage.estimate() : undefined
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

/** Asks the browser not to evict this app's data; it may say no (then Settings says so). */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!storage?.persist) return null
  return storage.persist()
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 ** 3).toFixed(1)} GB`
}
