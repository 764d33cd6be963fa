// What a printed page is and how fresh: the organisation, the document's title, its last change
// and the app version, when it was printed, and "Page x of y". The top of the first page says it in
// the document; every page says it in its margins, through CSS @page margin boxes (Chromium draws
// them, with counter(page) and counter(pages), since version 131). Margin boxes take only fixed
// text, so the labels go into a stylesheet made while printing (a constructed stylesheet, which a
// Content Security Policy without 'unsafe-inline' still allows).
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { getSetting, SETTING_ORGANISATION } from '../db/settings-repository'

interface PrintFacts {
  organisation: string
  title: string
  /** ISO timestamp of the last change to what is printed, or null when unknown. */
  lastChange: string | null
  printedAt: Date
}

const when = (d: Date) => d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

export function printLabels(facts: PrintFacts): { left: string; right: string } {
  const left = [facts.organisation.trim(), facts.title.trim()].filter(Boolean).join(' — ')
  const changed = facts.lastChange ? `Last changed ${when(new Date(facts.lastChange))} · ` : ''
  return { left, right: `${changed}Printed ${when(facts.printedAt)}` }
}

/** A CSS string literal: backslash, quotes and line breaks escaped, so user text stays text. */
export function cssString(s: string): string {
  const escaped = s.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ')
  // eslint-disable-next-line no-control-regex -- control characters have no place in a page label
  return `"${escaped.replace(/[\u0000-\u001f\u007f]/g, '')}"`
}

function pageRule(labels: { left: string; right: string }): string {
  const box = 'font: 7.5pt system-ui, sans-serif; color: #444;'
  return `@page { @top-left { content: ${cssString(labels.left)}; ${box} } @top-right { content: ${cssString(labels.right)}; ${box} } }`
}

/** While mounted, every printed page carries these labels in its top margin. */
function usePrintPageLabels(facts: PrintFacts | null): void {
  const labels = facts ? printLabels(facts) : null
  const left = labels?.left
  const right = labels?.right
  useEffect(() => {
    if (left === undefined || right === undefined || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(pageRule({ left, right }))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [left, right])
}

/** The top of the first printed page: organisation, title, last change and version, printed on. */
export function PrintMasthead({ facts, version, kind }: { facts: PrintFacts; version: string; kind: string }) {
  usePrintPageLabels(facts)
  return (
    <div className="print-masthead print-only" data-testid="print-masthead">
      <p className="print-masthead-org">{facts.organisation.trim() || 'Organisation name not set (Settings)'}</p>
      <p className="print-masthead-facts">
        {kind} · {facts.lastChange ? `Last changed ${when(new Date(facts.lastChange))}` : 'Never changed'} · Continuity Kit {version} · Printed on{' '}
        {when(facts.printedAt)}
      </p>
    </div>
  )
}

/** The latest of some ISO timestamps, or null. */
export function latest(stamps: Iterable<string | null | undefined>): string | null {
  let out: string | null = null
  for (const s of stamps) if (s && (out === null || s > out)) out = s
  return out
}

/** The organisation name from Settings ('' when not set), or undefined while it is read. */
export function useOrganisationName(): string | undefined {
  return useLiveQuery(() => getSetting(SETTING_ORGANISATION), [])
}
