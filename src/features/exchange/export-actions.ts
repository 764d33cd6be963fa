// Export actions: build the document (or Markdown, or CSV) and hand it to the browser as a download.
import { listItems, listSections } from '../../db/checklist-repository'
import { exportPlans } from '../../db/exchange-repository'
import { getPlan } from '../../db/plan-queries'
import { localDate } from '../../domain/dates'
import { csvFileName, sectionToCsv } from '../../domain/csv'
import { buildExportDocument, NO_EXTRAS, serializeDocument } from '../../domain/export-format'
import { exportFileName } from '../../domain/file-names'
import { markdownFileName, planToMarkdown } from '../../domain/markdown'
import type { Section } from '../../domain/model'
import type { UserTemplate } from '../../domain/user-template'
import { downloadText } from '../../ui/download'

const today = () => localDate(new Date())
const nowIsoString = () => new Date().toISOString()

export async function downloadPlanJson(planId: string): Promise<void> {
  const doc = await exportPlans({ planIds: [planId] }, __APP_VERSION__)
  const title = doc.plans[0]?.title ?? 'plan'
  downloadText(exportFileName(title, today()), serializeDocument(doc), 'application/json')
}

export async function downloadAllJson(includeTrash: boolean): Promise<number> {
  const doc = await exportPlans({ includeTrash }, __APP_VERSION__)
  downloadText(exportFileName(null, today()), serializeDocument(doc), 'application/json')
  return doc.plans.length
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
  downloadText(markdownFileName(plan.title, today()), planToMarkdown({ plan, sections, items }, new Date()), 'text/markdown')
}

export async function downloadSectionCsv(planTitle: string, section: Section): Promise<void> {
  const items = await listItems(section.planId)
  downloadText(csvFileName(planTitle, section.title, today()), sectionToCsv(section, items), 'text/csv')
}
