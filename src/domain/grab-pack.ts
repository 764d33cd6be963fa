// The grab pack: the few pages to print and keep by the door — contact trees, incident response
// steps, critical suppliers and business impact targets from every plan.
import { byOrder } from './order'
import { sectionItems } from './section-table'
import type { PlanBundle } from './export-format'
import { formatFieldValue } from './fields'
import { NO_NAMES, namesOf, type ItemNames } from './link-names'
import type { FieldDef, Section } from './model'
import { isImpactAnalysis } from './registers'

export interface GrabTable {
  planTitle: string
  sectionTitle: string
  columns: string[]
  rows: string[][]
}

interface GrabSteps {
  planTitle: string
  sections: { title: string; steps: { text: string; owner: string; done: boolean }[] }[]
}

interface GrabPack {
  contacts: GrabTable[]
  steps: GrabSteps[]
  suppliers: GrabTable[]
  targets: GrabTable[]
}

const CRITICAL = new Set(['high', 'critical'])
const hasType = (s: Section, type: FieldDef['type']) => s.fields.some((f) => f.type === type)
const isContactTree = (s: Section) => hasType(s, 'contact')
const criticalityField = (s: Section) => s.fields.find((f) => f.type === 'select' && /critical/i.test(f.label))

function tableOf(
  first: string,
  planTitle: string,
  section: Section,
  bundle: PlanBundle,
  names: ItemNames,
  keep: (values: Record<string, unknown>) => boolean = () => true,
): GrabTable {
  const items = sectionItems(section.id, bundle.items).filter((i) => i.status !== 'not-applicable' && keep(i.values))
  return {
    planTitle,
    sectionTitle: section.title,
    columns: [first, ...section.fields.map((f) => f.label), 'Owner'],
    rows: items.map((i) => [i.text, ...section.fields.map((f) => formatFieldValue(f, i.values[f.id], names)), i.owner]),
  }
}

/**
 * The grab pack of these plans. Links name the rows they point at: rows of these plans by
 * themselves, others (in the trash, say) from `linked`; only a row that is gone reads "removed".
 */
export function buildGrabPack(bundles: readonly PlanBundle[], linked: ItemNames = NO_NAMES): GrabPack {
  const pack: GrabPack = { contacts: [], steps: [], suppliers: [], targets: [] }
  const names = namesOf(
    bundles.flatMap((b) => b.items),
    linked,
  )
  for (const bundle of bundles) {
    const { plan } = bundle
    if (plan.deletedAt !== null || plan.status === 'retired') continue
    const sections = [...bundle.sections].sort(byOrder)
    for (const section of sections) {
      if (isContactTree(section)) pack.contacts.push(tableOf('Who', plan.title, section, bundle, names))
      else if (isImpactAnalysis(section)) pack.targets.push(tableOf('Business function', plan.title, section, bundle, names))
      else {
        const crit = criticalityField(section)
        if (crit) {
          const table = tableOf('Supplier', plan.title, section, bundle, names, (v) => CRITICAL.has(String(v[crit.id] ?? '').toLowerCase()))
          if (table.rows.length) pack.suppliers.push(table)
        }
      }
    }
    if (plan.kind === 'incident-response') {
      pack.steps.push({
        planTitle: plan.title,
        sections: sections
          .filter((s) => s.fields.length === 0)
          .map((s) => ({
            title: s.title,
            steps: sectionItems(s.id, bundle.items)
              .filter((i) => i.status !== 'not-applicable')
              .map((i) => ({ text: i.text, owner: i.owner, done: i.status === 'done' })),
          }))
          .filter((s) => s.steps.length > 0),
      })
    }
  }
  return pack
}
