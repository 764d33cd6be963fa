// The plan page: header, filters, and the checklist of sections and items, all read live from the
// database so that every tab shows every change. Items are kept live row by row (usePlanItems), so a
// change costs the rows it touched, not a read of the whole plan.
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link, useSearch } from 'wouter'
import { listSections } from '../../db/checklist-repository'
import { getPlan } from '../../db/plan-queries'
import { isItemInPlan } from '../../db/plan-items-watch'
import type { Plan } from '../../domain/model'
import { isFiltering, matchesFilter, NO_FILTER } from '../../domain/item-filter'
import { localDate } from '../../domain/dates'
import { suppliersDueIn } from '../../domain/supplier-reviews'
import { allItems, buildRows, findItem, planOwners, planProgress } from './checklist-rows'
import { ChecklistView } from './checklist-view'
import { ConflictsPanel, usePlanConflicts } from './conflicts-panel'
import { useChecklistUi } from './checklist-store'
import { FilterBar } from './filter-bar'
import { AddForm } from './add-form'
import { PlanHeader } from './plan-header'
import { PrintPlan, usePrintExtras } from './print-plan'
import { href, planPageRequest } from '../../ui/routes'
import { showToast } from '../../ui/toast-store'
import { usePrinting } from '../../ui/use-printing'
import { usePlanItems } from './use-plan-items'

const NO_DUES: ReadonlyMap<string, string> = new Map()

/** `actions` lets the app add plan-wide tools (export) to the header. */
export default function PlanPage({ id, actions }: { id: string; actions?: (plan: Plan) => ReactNode }) {
  const plan = useLiveQuery(async () => (await getPlan(id)) ?? null, [id])
  const sections = useLiveQuery(() => listSections(id), [id])
  const items = usePlanItems(id)
  const filter = useChecklistUi((s) => s.filter)
  const collapsed = useChecklistUi((s) => s.collapsed)
  const resetFilter = useChecklistUi((s) => s.resetFilter)
  const printing = usePrinting()
  const everyItem = useMemo(() => (items ? allItems(items.bySection) : undefined), [items])
  const printExtras = usePrintExtras(sections, everyItem)
  useEffect(() => resetFilter, [id, resetFilter])
  // Items changed on two devices are marked on their rows: one set, the same object while the ids are the same.
  const conflicts = usePlanConflicts(id)
  const conflictedKey = conflicts
    .filter((c) => c.table === 'items')
    .map((c) => c.id)
    .join(' ')
  const conflicted = useMemo(() => new Set(conflictedKey ? conflictedKey.split(' ') : []), [conflictedKey])

  // The address can ask for one item (?item=) or for the overdue ones only (?show=overdue).
  const search = useSearch()
  const request = useMemo(() => planPageRequest(search), [search])
  const showOnly = useChecklistUi((s) => s.showOnly)
  const revealInStore = useChecklistUi((s) => s.reveal)
  useEffect(() => {
    if (request.overdueOnly) showOnly({ ...NO_FILTER, overdueOnly: true })
  }, [id, request.overdueOnly, showOnly])
  const [reveal, setReveal] = useState<string | null>(null)
  const handled = useRef<string | null>(null)
  const checked = useRef<string | null>(null)
  useEffect(() => {
    const wanted = request.item
    const key = `${id} ${wanted}`
    // Only in a plan that is here and not in the trash (those pages say so themselves).
    if (wanted === null || !items || !plan || plan.deletedAt || handled.current === key) return
    const gone = () => {
      handled.current = key
      showToast({ tone: 'info', text: 'The item that link points to is no longer in this plan.' })
    }
    const item = findItem(items.bySection, wanted)
    if (!item) {
      // A long plan is still being read: shown as soon as its row is, said gone at once if it is.
      if (items.complete) gone()
      else if (checked.current !== key) {
        checked.current = key
        void isItemInPlan(id, wanted).then(
          (found) => !found && handled.current !== key && gone(),
          () => undefined,
        )
      }
      return
    }
    handled.current = key
    // Shown whatever the filters and folded sections were, with its details open.
    const current = useChecklistUi.getState().filter
    if (isFiltering(current) && !matchesFilter(item, current, new Date())) resetFilter()
    revealInStore(item)
    setReveal(item.id)
  }, [id, request.item, items, plan, resetFilter, revealInStore])
  const onRevealed = useCallback(() => setReveal(null), [])

  const filtering = isFiltering(filter)
  // Suppliers past their review date are marked on their rows, as in the register and on the dashboard.
  // Only supplier registers have review dates: other plans skip gathering every item for it.
  const reviewDue = useMemo(
    () => (plan?.kind === 'supplier-review' && sections && items ? suppliersDueIn(plan, sections, allItems(items.bySection), localDate(new Date())) : NO_DUES),
    [plan, sections, items],
  )
  const view = useMemo(
    () => (sections && items ? buildRows(sections, items.bySection, filter, collapsed, filtering, new Date(), reviewDue, items.complete) : null),
    [sections, items, filter, collapsed, filtering, reviewDue],
  )
  const progress = useMemo(() => items?.counted ?? planProgress(items?.bySection ?? new Map()), [items])
  const owners = useMemo(() => planOwners(items?.bySection ?? new Map()), [items])

  useEffect(() => {
    if (plan) document.title = `${plan.title} — Continuity Kit`
  }, [plan])

  if (plan === undefined || !view)
    return (
      <p className="muted" aria-busy="true">
        Loading plan…
      </p>
    )
  if (plan === null) {
    return (
      <div className="empty">
        <h1>Plan not found</h1>
        <p>
          This plan does not exist on this device. It may have been removed for good. <Link href={href.home()}>Back to your plans</Link>.
        </p>
      </div>
    )
  }
  if (plan.deletedAt) {
    return (
      <div className="empty">
        <h1>{plan.title}</h1>
        <p>
          This plan is in the trash. <Link href={href.trash()}>Open the trash</Link> to restore it.
        </p>
      </div>
    )
  }
  return (
    <article className="plan-page">
      {printing && sections && everyItem && (
        <PrintPlan
          plan={plan}
          sections={sections}
          items={everyItem}
          extras={printExtras}
          unread={items?.complete ? 0 : Math.max(0, (items?.total ?? 0) - everyItem.length)}
        />
      )}
      <div className="screen-only">
        <PlanHeader plan={plan} progress={progress} actions={actions?.(plan)} />
        <ConflictsPanel plan={plan} sections={sections ?? []} conflicts={conflicts} />
        <FilterBar owners={owners} shown={view.shown} total={items?.total ?? 0} />
        {filtering && view.rows.length === 0 && <p className="empty">No items match these filters.</p>}
        <ChecklistView rows={view.rows} reveal={reveal} onRevealed={onRevealed} conflicted={conflicted} />
        {!filtering && (
          <div className="add-section">
            <AddForm label="New section title" button="Add section" newSectionIn={plan.id} />
          </div>
        )}
      </div>
    </article>
  )
}
