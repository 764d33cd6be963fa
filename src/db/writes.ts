// The gateways of every aggregate: plans; the checklist (sections and items); drills (drills and
// their log); templates. Settings, keyed by name rather than id, have their own in
// settings-repository.ts. Repository functions write through these and nothing else.
import { drillEventSchema, drillSchema, scenarioSchema } from '../domain/drill-model'
import { itemSchema, planSchema, sectionSchema } from '../domain/model'
import { userTemplateSchema } from '../domain/user-template'
import { db } from './database'
import { gateway } from './gateway'

export const plans = gateway(db.plans, planSchema, { noun: 'plan', stamped: true })
export const sections = gateway(db.sections, sectionSchema, { noun: 'section', stamped: true })
export const items = gateway(db.items, itemSchema, { noun: 'item', stamped: true })
export const drills = gateway(db.drills, drillSchema, { noun: 'drill', stamped: true })
export const drillEvents = gateway(db.drillEvents, drillEventSchema, { noun: 'log entry', stamped: false })
export const templates = gateway(db.templates, userTemplateSchema, { noun: 'template', stamped: true })
export const scenarios = gateway(db.scenarios, scenarioSchema, { noun: 'scenario', stamped: true })
