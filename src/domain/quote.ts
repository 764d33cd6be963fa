// Quoting a value inside a message: JSON-style, and cut short so a huge input cannot flood the screen.

export function quote(value: unknown, max = 60): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value))
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
