// A drill's log: entries written, corrected, deleted and put back. Each entry is written at once,
// stamped with the drill clock as it reads then.
import { elapsedMs } from '../domain/drill-clock'
import { isFinding } from '../domain/drill-findings'
import type { DrillEvent, DrillEventType } from '../domain/drill-model'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { newId, nowIso } from './clock'
import * as writes from './writes'

/** A drill's log, in drill-clock order (entries written while paused share a time: then as written). */
export async function listDrillEvents(drillId: string): Promise<DrillEvent[]> {
  const rows = await db.drillEvents.where('[drillId+at]').between([drillId, -Infinity], [drillId, Infinity]).toArray()
  return [...rows].sort((a, b) => a.at - b.at || a.createdAt.localeCompare(b.createdAt))
}

interface LogEntryInput {
  type: Exclude<DrillEventType, 'inject'>
  text: string
  itemId?: string | null
  injectId?: string | null
}

/**
 * Writes a log entry stamped with the drill clock as it read when the entry was made (`madeAt`,
 * for an entry written again from the draft journal after a reload) or as it reads now. With `id`
 * made beforehand, writing the same entry twice adds it once.
 */
export async function addLogEntry(drillId: string, entry: LogEntryInput, made: { id?: string; madeAt?: string } = {}): Promise<string> {
  return db.transaction('rw', db.drills, db.drillEvents, async () => {
    if (made.id && (await db.drillEvents.get(made.id))) return made.id
    const drill = await writes.drills.require(drillId)
    if (drill.status === 'planned') throw new ValidationError(['Start the drill before writing in its log'])
    const now = nowIso()
    // The clock as it read then, when it was running since before then; otherwise as it reads now.
    const then = made.madeAt && drill.runningSince !== null && drill.runningSince <= made.madeAt && made.madeAt < now ? made.madeAt : now
    const row = await writes.drillEvents.add({
      id: made.id ?? newId(),
      drillId,
      at: elapsedMs(drill, Date.parse(then)),
      type: entry.type,
      text: entry.text.trim(),
      injectId: entry.injectId ?? null,
      itemId: entry.itemId ?? null,
      createdAt: now,
    })
    return row.id
  })
}

const hasActions = async (eventId: string) => (await db.items.where('source.id').equals(eventId).count()) > 0

/** Corrects a log entry. A finding with actions in a plan stays a finding, so the actions keep their place in the hot wash and the report. */
export async function updateLogEntry(id: string, patch: Partial<Pick<DrillEvent, 'text' | 'type' | 'itemId'>>): Promise<void> {
  await db.transaction('rw', db.drillEvents, db.items, async () => {
    const event = await writes.drillEvents.require(id)
    const becomesFinding = isFinding({ ...event, ...patch })
    if (isFinding(event) && !becomesFinding && (await hasActions(id))) {
      throw new ValidationError(['This entry has actions in a plan; it can become a gap or an observation, not a decision'])
    }
    await writes.drillEvents.patch(id, patch)
  })
}

/** Removes a log entry, unless actions in a plan were made from it. */
export async function deleteLogEntry(id: string): Promise<DrillEvent | undefined> {
  return db.transaction('rw', db.drillEvents, db.items, async () => {
    const event = await db.drillEvents.get(id)
    if (!event) return undefined
    if (await hasActions(id)) throw new ValidationError(['This entry has actions in a plan; it stays so that they can point back to it'])
    await writes.drillEvents.delete(id)
    return event
  })
}

/** Puts back a log entry deleteLogEntry removed, exactly as it was (for Undo). */
export async function restoreLogEntry(event: DrillEvent): Promise<void> {
  await db.transaction('rw', db.drills, db.drillEvents, async () => {
    await writes.drills.require(event.drillId)
    await writes.drillEvents.put(event)
  })
}
