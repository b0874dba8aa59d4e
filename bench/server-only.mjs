// The bench calls server modules directly (as the tests do), outside React Server Components, where
// `import "server-only"` would throw: resolve it to an empty module, like vitest.config.ts does.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
