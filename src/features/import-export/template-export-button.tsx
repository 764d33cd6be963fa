// Exports one saved template as a .continuity.json file (imported like any other export).
import type { UserTemplate } from '../../domain/user-template'

export default function TemplateExportButton({ template }: { template: UserTemplate }) {
  const run = async () => (await import('./export-actions')).downloadTemplateJson(template)
  return (
    <button type="button" onClick={() => void run()}>
      Export <span className="visually-hidden">{template.title}</span>
    </button>
  )
}
