import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setItemValue } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { createPlanFromTemplate, duplicatePlan, readPlanRows, updatePlan } from '../../src/db/plan-repository'
import { saveTemplateFromPlan } from '../../src/db/template-repository'
import { addDays, localDate } from '../../src/domain/dates'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

async function ids(planId: string): Promise<Map<string, string>> {
  const rows = await readPlanRows(planId)
  return new Map((rows?.items ?? []).map((i) => [i.text, i.id]))
}
const id = (m: Map<string, string>, text: string) => {
  const v = m.get(text)
  if (!v) throw new Error(`no item ${text}`)
  return v
}

describe('the dependencies page', () => {
  it('says what to do when there are no registers', async () => {
    renderApp('/dependencies')
    expect(await screen.findByRole('heading', { name: 'Nothing to map yet' })).toBeInTheDocument()
  })

  it('flags concentration, single points of failure and circles, with a diagram and its table equivalent', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const s = await ids(sup)
    const f = await ids(bcp)
    const cloud = id(s, 'Cloud hosting provider')
    const dns = id(s, 'Domain name registrar and DNS')
    await setItemValue(id(f, 'Take customer orders'), 'suppliers', [cloud, dns])
    await setItemValue(id(f, 'Answer customer support'), 'suppliers', [cloud])
    await setItemValue(id(f, 'Pay staff'), 'dependsOn', [id(f, 'Pay suppliers')])
    await setItemValue(id(f, 'Pay suppliers'), 'dependsOn', [id(f, 'Pay staff')])

    renderApp('/dependencies')
    const concentration = await screen.findByTestId('flag-concentration')
    expect(concentration).toHaveTextContent('Cloud hosting provider is behind 2 critical functions: Take customer orders, Answer customer support.')
    expect(screen.getByRole('heading', { name: 'Concentration risk (1)' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Circular dependencies (1)' })).toBeInTheDocument()
    // Each name links to its row in the register, not just to the plan.
    expect(within(concentration).getByRole('link', { name: 'Cloud hosting provider' })).toHaveAttribute('href', `/plans/${sup}?item=${cloud}`)
    expect(within(concentration).getByRole('link', { name: 'Answer customer support' })).toHaveAttribute(
      'href',
      `/plans/${bcp}?item=${id(f, 'Answer customer support')}`,
    )
    // The registrar has no alternative ("None; …") and no exit plan, and a Critical function needs it.
    const single = screen.getAllByTestId('flag-single-point').find((li) => li.textContent?.includes('Domain name registrar'))
    expect(single).toHaveTextContent('has no alternative and no exit plan, and Take customer orders relies on it')
    expect(screen.getByTestId('flag-cycle')).toHaveTextContent(/Pay (staff|suppliers) → Pay (suppliers|staff) → Pay (staff|suppliers)/)

    const diagram = screen.getByRole('img', { name: /Diagram of \d+ suppliers/ })
    expect(diagram.getAttribute('aria-label')).toContain('Concentration risk: Cloud hosting provider.')
    // Lines of one look share a path: count the curves drawn, one "M" each.
    const curves = [...diagram.querySelectorAll('path.dep-link')].reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g) ?? []).length, 0)
    expect(curves).toBe(3)
    expect(diagram).toHaveTextContent('⚠ Concentration')

    // The tables render just after the diagram.
    const table = await screen.findByRole('table', { name: 'Suppliers and the functions that rely on them' })
    const row = within(table).getAllByTestId('supplier-row')[0] as HTMLElement
    expect(row).toHaveTextContent('Cloud hosting provider')
    expect(row).toHaveTextContent('Concentration (2 critical)')
    expect(row).toHaveTextContent('4h')
    const fnTable = screen.getByRole('table', { name: 'Business functions and what they need' })
    expect(
      within(fnTable)
        .getAllByTestId('function-row')
        .find((r) => r.textContent?.includes('Pay staff')),
    ).toHaveTextContent('In a circle')
  })

  it('shows linked names on an item instead of a count', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const cloud = id(await ids(sup), 'Cloud hosting provider')
    await setItemValue(id(await ids(bcp), 'Take customer orders'), 'suppliers', [cloud])
    renderApp(`/plans/${bcp}`)
    expect(await screen.findByText('Cloud hosting provider', { selector: '.fact *, .fact' }, { timeout: 10_000 })).toBeInTheDocument()
  })
})

describe('the supplier register', () => {
  it('filters by criticality and contract end, and flags reviews and contracts', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const s = await ids(sup)
    const today = localDate(new Date())
    await setItemValue(id(s, 'Internet connection'), 'contractEnd', addDays(today, 30))
    await setItemValue(id(s, 'Cloud hosting provider'), 'lastReviewed', addDays(today, -400))
    const user = userEvent.setup()
    renderApp('/suppliers')
    const rows = await screen.findAllByTestId('supplier-register-row')
    expect(rows.length).toBeGreaterThanOrEqual(8)
    // Sorted by criticality first.
    expect(rows[0]).toHaveTextContent('Critical')
    expect(rows.find((r) => r.textContent?.includes('Internet connection'))).toHaveTextContent('Ends within 90 days')
    expect(rows.find((r) => r.textContent?.includes('Cloud hosting provider'))).toHaveTextContent('Needs review')

    await user.selectOptions(screen.getByLabelText('Contract'), 'ending')
    await waitFor(() => expect(screen.getAllByTestId('supplier-register-row')).toHaveLength(1))
    await user.selectOptions(screen.getByLabelText('Contract'), 'all')
    await user.selectOptions(screen.getByLabelText('Criticality'), 'Critical')
    await waitFor(() => screen.getAllByTestId('supplier-register-row').forEach((r) => expect(r).toHaveTextContent('Critical')))
    await user.click(screen.getByRole('button', { name: /Supplier/ }))
    expect(screen.getByRole('columnheader', { name: /Supplier/ })).toHaveAttribute('aria-sort', 'ascending')
  })
})

describe('saved templates', () => {
  it('saves a plan as a template and makes a new plan from it in New plan', async () => {
    const planId = await createPlanFromTemplate(makeTemplate({ title: 'Office plan' }))
    const user = userEvent.setup()
    const { unmount } = renderApp(`/plans/${planId}`)
    await user.click(await screen.findByRole('button', { name: 'Save as template' }, { timeout: 10_000 }))
    const dialog = await screen.findByRole('dialog', { name: 'Save as template' })
    const name = within(dialog).getByLabelText('Template name')
    await user.clear(name)
    await user.type(name, 'Office shape')
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }))
    await waitFor(async () => expect(await db.templates.count()).toBe(1))
    unmount()

    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'New plan' }))
    const newPlan = await screen.findByRole('dialog', { name: 'New plan' })
    await user.click(await within(newPlan).findByRole('radio', { name: /Office shape/ }))
    await user.click(within(newPlan).getByRole('button', { name: 'Create plan' }))
    await waitFor(async () => expect(await db.plans.count()).toBe(2))
    const made = (await db.plans.toArray()).find((p) => p.id !== planId)
    expect(made?.title).toBe('Office shape')
  })

  it('renames and deletes templates in Settings, with undo', async () => {
    const planId = await createPlanFromTemplate(makeTemplate({ title: 'Office plan' }))
    await saveTemplateFromPlan(planId, { title: 'Keep me', keepValues: false })
    const user = userEvent.setup()
    renderApp('/settings')
    const card = await screen.findByTestId('templates-card', {}, { timeout: 10_000 })
    await within(card).findByTestId('template-row')
    const name = within(card).getByLabelText('Name of template Keep me')
    await user.clear(name)
    await user.type(name, 'Renamed')
    await user.tab()
    await waitFor(async () => expect((await db.templates.toArray())[0]).toMatchObject({ title: 'Renamed', version: 2 }))
    await user.click(await within(card).findByRole('button', { name: 'Delete template Renamed' }))
    await waitFor(async () => expect(await db.templates.count()).toBe(0))
    await user.click(await screen.findByRole('button', { name: 'Undo' }))
    await waitFor(async () => expect(await db.templates.count()).toBe(1))
  })
})

describe('the dependencies page, through the supply chain', () => {
  it('follows suppliers to the provider they share, names circles, and tells apart the rows of a copy until it is retired', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const s = await ids(sup)
    const f = await ids(bcp)
    const host = id(s, 'Cloud hosting provider')
    const suite = id(s, 'Email and office suite')
    await setItemValue(host, 'runsOn', [suite])
    await setItemValue(suite, 'platform', 'Microsoft Azure')
    await setItemValue(id(s, 'Payment processor'), 'runsOn', [id(s, 'Internet connection')])
    await setItemValue(id(s, 'Internet connection'), 'runsOn', [id(s, 'Payment processor')])
    await setItemValue(id(f, 'Take customer orders'), 'suppliers', [host])
    await setItemValue(id(f, 'Answer customer support'), 'suppliers', [suite])
    const copy = await duplicatePlan(bcp)
    const copyTitle = (await db.plans.get(copy))?.title ?? ''

    renderApp('/dependencies')
    const flag = await screen.findByTestId('flag-provider')
    // Four critical functions: each plan's two, named with their plan as their names repeat (plans in no set order).
    expect(flag).toHaveTextContent(
      /^4 critical functions depend on Microsoft Azure — directly through Email and office suite, and through Cloud hosting provider\. \(/,
    )
    for (const plan of ['BCP', copyTitle]) {
      expect(flag).toHaveTextContent(`Take customer orders (${plan}), Answer customer support (${plan})`)
    }
    expect(screen.getByTestId('flag-supplier-cycle')).toHaveTextContent(
      /(Payment processor → Internet connection → Payment processor|Internet connection → Payment processor → Internet connection): each is recorded as running on the next/,
    )
    const providers = await screen.findByRole('table', { name: 'Providers your suppliers run on' })
    expect(within(providers).getByTestId('provider-row')).toHaveTextContent('Cloud hosting provider → Email and office suite → Microsoft Azure')

    // Retired, the copy leaves the analysis, and the names need no plan any more.
    await updatePlan(copy, { status: 'retired' })
    await waitFor(() => expect(screen.getByTestId('flag-provider')).toHaveTextContent(/^2 critical functions depend on Microsoft Azure/))
    expect(screen.getByTestId('flag-provider')).toHaveTextContent('(Take customer orders, Answer customer support)')
  })
})
