// Bringing one item into view when a link points at it (from the dashboard, the dependency tables,
// a drill finding): once its row is in the page, scroll it near the top (its open details can be
// taller than the screen; the CSS keeps a margin above), move the focus to it and mark it briefly.

/** Frames to wait for the row to be rendered (a long plan renders it after scrolling) before giving up. */
const MAX_FRAMES = 60

/** Waits for the item's row, then scrolls to it and focuses it; `done` runs once either way. Returns a cancel. */
export function focusItemWhenShown(itemId: string, done: () => void): () => void {
  let frame = 0
  let tries = 0
  const attempt = () => {
    const row = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`)
    if (!row && ++tries < MAX_FRAMES) {
      frame = requestAnimationFrame(attempt)
      return
    }
    if (row) {
      row.scrollIntoView?.({ block: 'start' })
      row.querySelector<HTMLElement>('.item-text')?.focus({ preventScroll: true })
      row.classList.add('item-revealed')
    }
    done()
  }
  frame = requestAnimationFrame(attempt)
  return () => cancelAnimationFrame(frame)
}
