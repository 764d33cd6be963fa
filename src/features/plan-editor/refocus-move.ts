// Keeps keyboard focus on a row's move button after the row has moved; when the row reached the
// end and that button is now disabled, on the other one.

export function refocusMove(rowId: string, delta: -1 | 1): void {
  requestAnimationFrame(() => {
    const same = document.querySelector<HTMLButtonElement>(`[data-move="${rowId}:${delta}"]`)
    const other = document.querySelector<HTMLButtonElement>(`[data-move="${rowId}:${-delta}"]`)
    ;(same && !same.disabled ? same : other)?.focus()
  })
}
