// Slugs: the ASCII, dash-separated forms of names that file names and field ids are made of.

// Letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}

/**
 * A file-name-safe slug: lowercase ASCII letters and digits separated by single dashes, accents
 * dropped ("Café Müller" → "cafe-muller"), at most `max` characters, never starting or ending with
 * a dash. Empty when nothing usable is left; callers supply their own fallback.
 */
export function slugify(s: string, max = 80): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæøœđðłþı]/g, (ch) => TRANSLITERATE[ch] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, Math.max(0, max))
    .replace(/-+$/, '')
}

/** Keeps a caller's date (normally YYYY-MM-DD) to characters that are safe in a file name. */
export function fileDate(date: string): string {
  return slugify(date, 32)
}
