// The shipped JSON Schema and the app agree: ajv with ajv-formats accepts every file the app
// accepts and refuses the bad ones the schema can describe (dates, timestamps, unknown fields,
// values out of their vocabularies), as the app does.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { exportJsonSchema } from '../../src/domain/export-format'
import { checkImport } from '../../src/domain/import-check'

const FIXTURE = readFileSync(path.join(__dirname, '../fixtures/export-v5.continuity.json'), 'utf8')
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
const { $schema: _draft, ...schema } = exportJsonSchema()
const validate = ajv.compile(schema)

type Doc = Record<string, unknown> & { exportedAt: string; plans: { updatedAt: string; items: Record<string, unknown>[] }[] }
const fixture = (): Doc => JSON.parse(FIXTURE) as Doc
const appAccepts = (doc: unknown) => checkImport(JSON.stringify(doc)).ok

describe('JSON Schema and import agree', () => {
  it('says format: date and date-time where the app demands them', () => {
    const text = JSON.stringify(exportJsonSchema())
    expect(text).toContain('"format":"date"')
    expect(text).toContain('"format":"date-time"')
  })

  it('both accept the current fixture', () => {
    expect(validate(fixture()), JSON.stringify(validate.errors)).toBe(true)
    expect(appAccepts(fixture())).toBe(true)
  })

  it.each(['export-v1.continuity.json', 'export-v2.continuity.json', 'export-v3.continuity.json'])(
    '%s, migrated by the app, is valid by the schema',
    (name) => {
      const checked = checkImport(readFileSync(path.join(__dirname, '../fixtures', name), 'utf8'))
      if (!checked.ok) throw new Error(checked.problems.join('\n'))
      expect(validate(JSON.parse(JSON.stringify(checked.doc))), JSON.stringify(validate.errors)).toBe(true)
    },
  )

  const bad: [string, (doc: Doc) => void][] = [
    [
      'an impossible day (2026-02-31)',
      (d) => {
        ;(d.plans[0]?.items[1] as Record<string, unknown>).due = '2026-02-31'
      },
    ],
    [
      '29 February of a year that has none',
      (d) => {
        ;(d.plans[0]?.items[1] as Record<string, unknown>).due = '2026-02-29'
      },
    ],
    [
      'a date written day first',
      (d) => {
        ;(d.plans[0]?.items[1] as Record<string, unknown>).due = '31/01/2026'
      },
    ],
    [
      'an hour that does not exist',
      (d) => {
        d.exportedAt = '2026-11-29T24:00:00.000Z'
      },
    ],
    [
      'a timestamp with a leap second',
      (d) => {
        d.exportedAt = '2026-12-31T23:59:60Z'
      },
    ],
    [
      'a timestamp on 31 April',
      (d) => {
        if (d.plans[0]) d.plans[0].updatedAt = '2026-04-31T10:00:00.000Z'
      },
    ],
    [
      'a field the format does not have',
      (d) => {
        d.colour = 'blue'
      },
    ],
    [
      'a status outside the vocabulary',
      (d) => {
        ;(d.plans[0]?.items[2] as Record<string, unknown>).status = 'finished'
      },
    ],
  ]
  it.each(bad)('both refuse %s', (_, breakIt) => {
    const doc = fixture()
    breakIt(doc)
    expect(validate(doc)).toBe(false)
    expect(appAccepts(doc)).toBe(false)
  })
})

describe('numbers JSON cannot carry', () => {
  it('names Infinity (1e999 in the file) instead of "null"', () => {
    const result = checkImport(FIXTURE.replace('"cost": 1250.5', '"cost": 1e999'))
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems).toEqual([
        'plans[0].items[2].values.cost: Infinity (the file holds a number too large to store, such as 1e999) is not a valid value here',
      ])
  })

  it('names "NaN" written as text in a number field', () => {
    const result = checkImport(FIXTURE.replace('"cost": 1250.5', '"cost": "NaN"'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems).toEqual(['plans[0].items[2].values.cost: Cost per hour down: "NaN" is text, not a number'])
  })
})
