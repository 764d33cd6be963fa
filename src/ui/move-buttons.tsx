// Up and down buttons that move a row (a section, an item) one place; `data-move` lets the page
// put the focus back on the same button after the list has re-rendered.
export function MoveButtons({
  id,
  what,
  name,
  isFirst,
  isLast,
  move,
}: {
  id: string
  what: string
  name: string
  isFirst: boolean
  isLast: boolean
  move: (delta: -1 | 1) => unknown
}) {
  return (
    <>
      <button type="button" className="icon" data-move={`${id}:-1`} aria-label={`Move ${what} up: ${name}`} disabled={isFirst} onClick={() => void move(-1)}>
        ↑
      </button>
      <button type="button" className="icon" data-move={`${id}:1`} aria-label={`Move ${what} down: ${name}`} disabled={isLast} onClick={() => void move(1)}>
        ↓
      </button>
    </>
  )
}
