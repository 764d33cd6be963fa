// Export actions: build the document (or Markdown, CSV, .xlsx) and hand it to the browser as a download.
import { listItems, listSections } from '../../db/checklist-repository'
import { exportPlans } from '../../db/exchange-repository'
import { itemNames, relyingNames } from '../../db/link-queries'
import { getPlan } from '../../db/plan-queries'
import { localDate } from '../../domain/dates'
import { csvFileName, sectionToCsv } from '../../domain/csv'
import { buildExportDocument, NO_EXTRAS, serializeDocument } from '../../domain/export-format'
import { exportFileName, xlsxFileName } from '../../domain/file-names'
import { linkedIds } from '../../domain/link-names'
import { markdownFileName, planToMarkdown } from '../../domain/markdown'
import type { Item, Section } from '../../domain/model'
import type { RelyingNames } from '../../domain/relying-functions'
import { sectionTable } from '../../domain/section-table'
import type { UserTemplate } from '../../domain/user-template'
import { sectionSheet, XLSX_MIME } from '../../domain/xlsx'
import { downloadBlob, downloadText } from '../../ui/download'

const today = () => localDate(new Date())
const nowIsoString = () => new Date().toISOString()

export async function downloadPlanJson(planId: string): Promise<void> {
  const doc = await exportPlans({ planIds: [planId] }, __APP_VERSION__)
  const title = doc.plans[0]?.title ?? 'plan'
  downloadText(exportFileName(title, today()), serializeDocument(doc), 'application/json')
}

/** One saved template as an export file of its own, to hand to a colleague. */
export function downloadTemplateJson(template: UserTemplate): void {
  const doc = buildExportDocument([], nowIsoString(), __APP_VERSION__, { ...NO_EXTRAS, templates: [template] })
  downloadText(exportFileName(`template-${template.title}`, today()), serializeDocument(doc), 'application/json')
}

export async function downloadPlanMarkdown(planId: string): Promise<void> {
  const plan = await getPlan(planId)
  if (!plan) return
  const [sections, items] = await Promise.all([listSections(planId), listItems(planId)])
  const [names, relying] = await Promise.all([itemNames(linkedIds(sections, items)), relyingNames(sections)])
  downloadText(markdownFileName(plan.title, today()), planToMarkdown({ plan, sections, items }, new Date(), names, relying), 'text/markdown')
}

/** A section's items and the names of every row their links point at (and of the functions relying on a supplier), as the screen shows them. */
async function sectionRows(section: Section): Promise<{ items: Item[]; names: Map<string, string>; relying: RelyingNames }> {
  const items = await listItems(section.planId)
  const [names, relying] = await Promise.all([itemNames(linkedIds([section], items)), relyingNames([section])])
  return { items, names, relying }
}

export async function downloadSectionCsv(planTitle: string, section: Section): Promise<void> {
  const { items, names, relying } = await sectionRows(section)
  downloadText(csvFileName(planTitle, section.title, today()), sectionToCsv(section, items, names, relying), 'text/csv')
}

export async function downloadSectionXlsx(planTitle: string, section: Section): Promise<void> {
  // The spreadsheet writer is loaded only now, so it never weighs on opening the app.
  const [{ default: writeXlsxFile }, { items, names, relying }] = await Promise.all([import('write-excel-file/browser'), sectionRows(section)])
  const { data, options } = sectionSheet(sectionTable(section, items, names, relying), section.title)
  const blob = await writeXlsxFile(data, options).toBlob()
  downloadBlob(xlsxFileName(planTitle, section.title, today()), new Blob([blob], { type: XLSX_MIME }))
}
