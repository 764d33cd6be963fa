// Phone numbers inside what a person wrote ("+44 20 7946 0958, out of hours 07700 900123"), so each
// number can be a tel: link of its own while the words around them stay as written.

interface PhonePart {
  text: string
  /** The tel: link that dials it (+ and digits only), or null for words between numbers. */
  tel: string | null
}

// A run of at least three digits, with the spacing people put in numbers.
const NUMBER = /\+?\d[\d\s().-]{1,30}\d/g

/** `text` in order, as words and numbers; joined back, the parts give `text` exactly. */
export function phoneParts(text: string): PhonePart[] {
  const parts: PhonePart[] = []
  let at = 0
  for (const match of text.matchAll(NUMBER)) {
    const digits = match[0].replace(/[^\d+]/g, '')
    if (digits.replace(/^\+/, '').length < 3) continue
    if (match.index > at) parts.push({ text: text.slice(at, match.index), tel: null })
    parts.push({ text: match[0], tel: `tel:${digits}` })
    at = match.index + match[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at), tel: null })
  return parts
}
