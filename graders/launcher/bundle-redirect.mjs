// Module resolution hook (node:module register) for bundled commands
// (cli-bundle.mjs): a grader or solution imported by its source path is
// loaded from the bundle, so that it shares the bundle's single copy of the
// engine. A query (`?v=2`, used to load a changed file again) is kept.
let bundled = new Map();

export async function initialize(data) {
  bundled = new Map(Object.entries(data.map));
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const query = resolved.url.indexOf('?');
  const target = bundled.get(query < 0 ? resolved.url : resolved.url.slice(0, query));
  if (!target) return resolved;
  return { url: query < 0 ? target : target + resolved.url.slice(query), format: 'module', shortCircuit: true };
}
