import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const NEXT_DIR = path.resolve(".next");
const CHUNK_REFERENCE = /static\/chunks\/[\w.~-]+\.js/g;

/**
 * JS a first visit to each page route can load, gzipped: the build's root main files, the entry chunks
 * of the route's layouts and page (from its client reference manifest), and every chunk those load later
 * (dynamic imports such as FullCalendar), found by following the chunk paths written in each chunk.
 */
export function javascriptPerRoute(): Map<string, number> {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const appPaths = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(fs.readFileSync(path.join(NEXT_DIR, file))).length);
    return gzipped.get(file)!;
  };
  const sizes = new Map<string, number>();
  for (const [entry, route] of Object.entries(appPaths)) {
    if (!entry.endsWith("/page") || entry.startsWith("/_")) continue;
    const manifestFile = path.join(NEXT_DIR, "server", "app", `${entry}_client-reference-manifest.js`);
    if (!fs.existsSync(manifestFile)) continue;
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } };
    vm.runInNewContext(fs.readFileSync(manifestFile, "utf8"), sandbox);
    const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0];
    if (!manifest) continue;
    const pending = [...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()];
    const files = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (files.has(file)) continue;
      files.add(file);
      pending.push(...(fs.readFileSync(path.join(NEXT_DIR, file), "utf8").match(CHUNK_REFERENCE) ?? []));
    }
    sizes.set(
      route,
      [...files].reduce((sum, file) => sum + sizeOf(file), 0),
    );
  }
  return new Map([...sizes].sort(([a], [b]) => a.localeCompare(b)));
}
