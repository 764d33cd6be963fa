// File names for downloads: what the file holds and the day it was made.
import { fileDate, slugify } from './slug'

const EXPORT_EXTENSION = '.continuity.json'

export function exportFileName(title: string | null, date: string): string {
  return `${title === null ? 'continuity-kit-all' : slugify(title) || 'plan'}-${fileDate(date)}${EXPORT_EXTENSION}`
}

/** E.g. `supplier-review-supplier-register-2026-11-28.xlsx`. */
export function xlsxFileName(planTitle: string, sectionTitle: string, date: string): string {
  const base = slugify(`${planTitle} ${sectionTitle}`) || 'section'
  const d = fileDate(date)
  return d ? `${base}-${d}.xlsx` : `${base}.xlsx`
}
