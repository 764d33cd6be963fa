// A drill (or incident) log entry as the journal keeps it between pressing Enter and the write: what it says,
// its type, the plan step and inject it concerns, and when it was made (for the drill clock).
import * as z from 'zod/mini'
import { LIMITS } from './limits'
import { idSchema, timestampSchema } from './model'

export const logEntryDraftSchema = z.strictObject({
  type: z.enum(['decision', 'observation', 'gap', 'action', 'communication']),
  text: z.string().check(z.maxLength(LIMITS.longText)),
  itemId: z.nullable(idSchema),
  injectId: z.nullable(idSchema),
  madeAt: timestampSchema,
})
export type LogEntryDraft = z.infer<typeof logEntryDraftSchema>
