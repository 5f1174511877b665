/**
 * Imports one of our own modules (a grader, a solution, an answer book) by its
 * source file's URL. In a bundled run (graders/launcher/cli-bundle.mjs) the
 * launcher leaves a map of source URLs to bundled ones on globalThis: the
 * bundled copy shares the bundle's single engine (one class per class, one
 * np.random state), and no resolve hook (a thread of its own, ~13 MB and
 * ~40 ms) is needed to find it. A query (`?v=…`, to load a changed file again)
 * is kept.
 */
export const BUNDLE_MAP = Symbol.for('deepgrade.bundle-map');

export function importSource(url: string): Promise<unknown> {
  const map = (globalThis as { [BUNDLE_MAP]?: Record<string, string> })[BUNDLE_MAP];
  const query = url.indexOf('?');
  const target = map?.[query < 0 ? url : url.slice(0, query)];
  return import(target ? target + (query < 0 ? '' : url.slice(query)) : url);
}
