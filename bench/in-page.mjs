// Functions the bench runs in the page (page.evaluate sends a function's source alone, not what it
// closes over) reach IndexedDB through one helper defined in the page first, instead of each
// carrying its own copy.

/** Defines globalThis.ckRequest in the page: an IndexedDB request as a promise of its result. */
function defineRequest() {
  globalThis.ckRequest ??= (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
}

/** page.evaluate(fn, arg), with globalThis.ckRequest defined for fn. */
export async function evaluateWithIdb(page, fn, arg) {
  await page.evaluate(defineRequest)
  return page.evaluate(fn, arg)
}
