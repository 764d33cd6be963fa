// Ids and timestamps for new rows; one place so every write stamps them the same way.
import type { FactoryContext } from '../domain/plan-factory'

export const newId = (): string => crypto.randomUUID()
export const nowIso = (): string => new Date().toISOString()
export const factoryContext = (): FactoryContext => ({ newId, now: nowIso() })
