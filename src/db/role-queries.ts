// The role names the live plans' roles sections and contact trees give, for suggesting who does a
// response step: a step's role is matched to these when the grab pack names who holds it.
import { Dexie } from 'dexie'
import { db } from './database'

/** Every role named in a roles section or contact tree of a live plan, each once, in alphabetical order. */
export async function listRoleNames(): Promise<string[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const live = new Set((await db.plans.toArray()).filter((p) => p.deletedAt === null).map((p) => p.id))
    const sections = (await db.sections.toArray()).filter((s) => live.has(s.planId) && (s.role === 'roles' || s.role === 'contact-tree'))
    const names = new Set<string>()
    for (const s of sections) {
      const rows = await db.items.where('[sectionId+order]').between([s.id, Dexie.minKey], [s.id, Dexie.maxKey]).toArray()
      for (const row of rows) {
        const role = row.values.role
        if (typeof role === 'string' && role.trim()) names.add(role.trim())
      }
    }
    return [...names].sort((a, b) => a.localeCompare(b))
  })
}
