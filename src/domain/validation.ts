// Turns zod issues into messages that name the field and the problem.
import type * as z from 'zod/mini'

export class ValidationError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(problems.join('; '))
    this.name = 'ValidationError'
    this.problems = problems
  }
}

/** "plans[2].sections[0].items[4].due" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

export function issueMessages(error: z.core.$ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path)
    const where = prefix && path ? `${prefix}.${path}` : prefix || path
    return where ? `${where}: ${issue.message}` : issue.message
  })
}

/** Parses `value` with `schema` or throws a ValidationError whose messages name each bad field. */
export function check<T extends z.ZodMiniType>(schema: T, value: unknown, what = ''): z.infer<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(issueMessages(result.error, what))
  return result.data
}
