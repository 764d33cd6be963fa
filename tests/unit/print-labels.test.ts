// The labels in a printed page's margins: what the page is and how fresh, with user text (an
// organisation or plan name) kept as text inside the CSS string that carries it.
import { describe, expect, it } from 'vitest'
import { cssString, latest, printLabels } from '../../src/ui/print-masthead'

/** Reads a CSS double-quoted string back, failing if it ends early (an unescaped quote). */
function readCssString(css: string): string {
  expect(css.startsWith('"') && css.endsWith('"')).toBe(true)
  const body = css.slice(1, -1)
  expect(body).not.toMatch(/(^|[^\\])(\\\\)*"/)
  expect(body).not.toMatch(/[\r\n\f]/)
  return body.replace(/\\(.)/g, '$1')
}

describe('page margin labels', () => {
  it('keep any name as text in the CSS string', () => {
    for (const s of ['Müller & Söhne "Bakeries" Ltd \\ Nord', '"; } body { display: none } @page { x: "', 'a\\', '\\"', 'tab\there']) {
      expect(readCssString(cssString(s))).toBe(s.replace(/\t/g, ''))
    }
    expect(readCssString(cssString('two\nlines\r\nhere'))).toBe('two lines here')
  })

  it('say organisation and title on the left, last change and printing time on the right', () => {
    const labels = printLabels({
      organisation: ' Acme ',
      title: 'Head office continuity',
      lastChange: '2026-11-01T10:00:00.000Z',
      printedAt: new Date('2026-11-29T12:00:00Z'),
    })
    expect(labels.left).toBe('Acme — Head office continuity')
    expect(labels.right).toMatch(/^Last changed .+ · Printed .+/)
    expect(printLabels({ organisation: '', title: 'Grab pack', lastChange: null, printedAt: new Date() }).left).toBe('Grab pack')
  })

  it('find the latest change among timestamps', () => {
    expect(latest(['2026-01-02T00:00:00.000Z', null, '2026-03-01T00:00:00.000Z', undefined, '2025-12-31T00:00:00.000Z'])).toBe('2026-03-01T00:00:00.000Z')
    expect(latest([])).toBeNull()
  })
})
