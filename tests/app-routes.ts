import { readdirSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../app");

/** Every page route under app/, as a pattern: route groups dropped, `[param]` matching one segment. */
export function pageRoutes(dir = appDir, segments: string[] = []): RegExp[] {
  const routes: RegExp[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") {
      const pattern = segments
        .filter((segment) => !/^\(.+\)$/.test(segment))
        .map((segment) =>
          segment.startsWith("[...") ? ".+" : segment.startsWith("[") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
        )
        .join("/");
      routes.push(new RegExp(`^/${pattern}$`));
    } else if (entry.isDirectory() && !entry.name.startsWith("_") && entry.name !== "api" && entry.name !== "__tests__") {
      routes.push(...pageRoutes(path.join(dir, entry.name), [...segments, entry.name]));
    }
  }
  return routes;
}

/** Whether an in-app link (query and fragment ignored) leads to a page that exists. */
export function isAppPage(link: string): boolean {
  const pathname = new URL(link, "http://app.invalid").pathname.replace(/(.)\/$/, "$1");
  return pageRoutes().some((route) => route.test(pathname));
}
