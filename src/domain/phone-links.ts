// Phone numbers inside what a person wrote ("+44 20 7946 0958, out of hours 07700 900123"), so each
// number can be a tel: link of its own while the words around them stay as written.

import { dialDigits, PHONE_NUMBER } from './fields'

interface PhonePart {
  text: string
  /** The tel: link that dials it (+ and digits only), or null for words between numbers. */
  tel: string | null
}

/** `text` in order, as words and numbers; joined back, the parts give `text` exactly. */
export function phoneParts(text: string): PhonePart[] {
  const parts: PhonePart[] = []
  let at = 0
  for (const match of text.matchAll(PHONE_NUMBER)) {
    const digits = dialDigits(match[0])
    if (digits === null) continue
    if (match.index > at) parts.push({ text: text.slice(at, match.index), tel: null })
    parts.push({ text: match[0], tel: `tel:${digits}` })
    at = match.index + match[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at), tel: null })
  return parts
}
