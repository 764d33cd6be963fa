// Test data: a small template with a typed-field section, and a factory per stored row; each takes
// overrides.
import type { FunctionEntry, SupplierEntry } from '../../src/domain/registers'
import { orderKeys } from '../../src/domain/order'
import { newItemRow } from '../../src/domain/plan-factory'
import type { DrillEvent } from '../../src/domain/drill-model'
import type { Item, Plan, Section } from '../../src/domain/model'
import type { PlanTemplate } from '../../src/domain/template-model'

export function makeTemplate(overrides: Partial<PlanTemplate> = {}): PlanTemplate {
  return {
    id: 'test-template',
    version: 1,
    kind: 'continuity',
    title: 'Test continuity plan',
    summary: 'A small plan for tests',
    description: 'Used by tests.',
    reviewEveryDays: 90,
    sections: [
      {
        title: 'Preparation',
        guidance: 'Get ready.',
        items: [
          { text: 'Name an incident lead', guidance: 'A named person and a deputy.' },
          { text: 'Keep a printed copy', guidance: 'In the office safe.' },
          { text: 'Agree severity levels', guidance: 'Three levels, written down.' },
        ],
      },
      {
        title: 'Business impact analysis',
        guidance: 'Per function.',
        fields: [
          { id: 'rto', label: 'RTO', type: 'duration' },
          { id: 'impact', label: 'Impact', type: 'select', options: ['Low', 'High'] },
        ],
        items: [{ text: 'Take orders', guidance: 'Targets set.', values: { rto: 240, impact: 'High' } }],
      },
    ],
    ...overrides,
  }
}

// Stored rows, one factory per entity: valid by their schemas, with ids counted up so that each
// call gives a new row; a test states only what it is about.
const ROW_TIME = '2026-11-28T12:00:00.000Z'
let seq = 0
const next = () => ++seq

export function makePlanRow(over: Partial<Plan> = {}): Plan {
  const id = over.id ?? `p${next()}`
  return {
    id,
    kind: 'continuity',
    title: id,
    description: '',
    owner: '',
    status: 'active',
    templateId: null,
    templateVersion: null,
    createdAt: ROW_TIME,
    updatedAt: ROW_TIME,
    reviewedAt: null,
    reviewedBy: '',
    reviewEveryDays: 365,
    deletedAt: null,
    ...over,
  }
}

let keys: string[] = []
/** The n-th ordering key of one increasing sequence: rows made later sort after rows made earlier. */
export function orderKey(n: number): string {
  if (n >= keys.length) keys = orderKeys(Math.max(n + 1, keys.length * 2, 1024))
  return keys[n] as string
}

export function makeSectionRow(over: Partial<Section> = {}): Section {
  const n = next()
  return { id: `s${n}`, planId: 'p1', order: orderKey(n), title: `Section ${n}`, guidance: '', role: 'checklist', fields: [], updatedAt: ROW_TIME, ...over }
}

export function makeItemRow(over: Partial<Item> = {}): Item {
  const n = next()
  // The app's own factory gives the defaults, so a new item field needs no second copy here.
  return { ...newItemRow({ newId: () => `i${n}`, now: ROW_TIME }, 'p1', 's1', orderKey(n), `Item ${n}`), ...over }
}

export function makeDrillEvent(over: Partial<DrillEvent> = {}): DrillEvent {
  return {
    id: `e${next()}`,
    drillId: 'd1',
    at: 0,
    type: 'gap',
    text: 'Nobody knew the status page address',
    injectId: null,
    itemId: null,
    createdAt: ROW_TIME,
    ...over,
  }
}

/** A supplier as the registers read it: High criticality, with an alternative and an exit plan. */
export function makeSupplierEntry(id: string, over: Partial<SupplierEntry> = {}): SupplierEntry {
  return {
    id,
    name: id,
    planId: 'p-s',
    planTitle: 'Suppliers',
    service: '',
    criticality: 'High',
    alternative: 'Second provider',
    exitPlan: 'Move data out',
    contractEnd: null,
    lastReviewed: null,
    outcome: null,
    reviewEveryDays: null,
    runsOn: [],
    platform: '',
    region: '',
    statusPage: '',
    supportLine: '',
    contractRef: '',
    slaAvailability: '',
    slaResponse: null,
    noticePeriod: null,
    ...over,
  }
}

/** A business function as the registers read it: Critical, RTO 4 h, with a workaround. */
export function makeFunctionEntry(id: string, over: Partial<FunctionEntry> = {}): FunctionEntry {
  return {
    id,
    name: id,
    planId: 'p-f',
    planTitle: 'BCP',
    impact: 'Critical',
    critical: true,
    rto: 240,
    mtpd: null,
    workaround: 'Paper',
    supplierIds: [],
    dependsOn: [],
    ...over,
  }
}
