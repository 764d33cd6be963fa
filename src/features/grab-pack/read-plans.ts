// The live plans for the grab pack and the quick cards, with the names of every row their links
// point at: rows outside the live plans (a plan in the trash) are named too; only rows gone read "removed".
import { readLiveBundles } from '../../db/exchange-repository'
import { itemNames } from '../../db/link-queries'
import { linkedIds } from '../../domain/link-names'
import { latest } from '../../ui/print-masthead'

export async function readNamedBundles() {
  const bundles = await readLiveBundles()
  const ids = linkedIds(
    bundles.flatMap((b) => b.sections),
    bundles.flatMap((b) => b.items),
  )
  const here = new Set(bundles.flatMap((b) => b.items.map((i) => i.id)))
  const names = await itemNames(ids.filter((id) => !here.has(id)))
  const lastChange = latest(bundles.flatMap((b) => [b.plan.updatedAt, ...b.sections.map((s) => s.updatedAt), ...b.items.map((i) => i.updatedAt)]))
  return { bundles, names, lastChange }
}
