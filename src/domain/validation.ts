// Turns zod issues into messages that name the field and the problem.
import * as z from 'zod/mini'
import { quote } from './quote'
import { ValidationError } from './validation-error'

/**
 * A value as a message names it. JSON cannot carry NaN or Infinity; a number too large for a double
 * (1e999) arrives as Infinity, which JSON.stringify would print as null.
 */
const shown = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'number' && !Number.isFinite(v)
          ? `${v} (the file holds a number too large to store, such as ${v < 0 ? '-' : ''}1e999)`
          : quote(v)

// zod/mini carries no wording of its own; these are the messages people see for each kind of
// problem (schemas that give their own message keep it).
z.config({
  customError: (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        return iss.input === undefined ? `is missing (expected ${iss.expected})` : `expected ${iss.expected}, got ${shown(iss.input)}`
      case 'invalid_value':
        return `${shown(iss.input)} is not one of ${iss.values.map((v) => quote(v)).join(', ')}`
      case 'unrecognized_keys':
        return `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`
      case 'too_big':
        return iss.origin === 'string'
          ? `must be at most ${iss.maximum} characters`
          : iss.origin === 'array'
            ? `must have at most ${iss.maximum} entries`
            : `must be at most ${iss.maximum}`
      case 'too_small':
        return iss.origin === 'string' ? 'must not be empty' : `must be at least ${iss.minimum}`
      case 'invalid_union':
        return `${shown(iss.input)} is not a valid value here`
      default:
        return undefined
    }
  },
})

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
