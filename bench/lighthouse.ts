import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The performance metrics that cost points, and what shifted: where to look when the score falls short. */
  losses: string[];
}

const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

interface AuditDetails {
  items?: { node?: { snippet?: string }; score?: number; items?: { node?: { snippet?: string } }[] }[];
}

function lighthouseLosses(audits: Record<string, { score: number | null; displayValue?: string; details?: unknown }>): string[] {
  const losses = METRICS.filter((id) => (audits[id]?.score ?? 1) < 0.9).map((id) => `${id} ${audits[id]!.displayValue ?? ""}`.trim());
  const shifts = (audits["layout-shifts"]?.details as AuditDetails | undefined)?.items ?? [];
  for (const shift of shifts.slice(0, 3)) losses.push(`shifted (${(shift.score ?? 0).toFixed(3)}): ${shift.node?.snippet ?? "?"}`);
  const largest = (audits["largest-contentful-paint-element"]?.details as AuditDetails | undefined)?.items?.[0]?.items?.[0]?.node?.snippet;
  if (largest && losses.some((loss) => loss.startsWith("largest-contentful-paint"))) losses.push(`largest paint: ${largest}`);
  return losses;
}

export const LIGHTHOUSE_BUDGET: Omit<LighthouseScores, "losses"> = { performance: 95, accessibility: 100, bestPractices: 100 };

/**
 * Lighthouse's mobile defaults (a mid-range phone, simulated slow 4G) with Debian's Chromium, one page after
 * another in one browser. `cookie` signs the pages in; the scores are 0–100.
 */
export async function lighthouseScores(pages: { url: string; cookie?: string }[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const { url, cookie } of pages) {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const categories = result?.lhr.categories;
      if (!categories) throw new Error(`Lighthouse returned no result for ${url}.`);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        losses: lighthouseLosses(result.lhr.audits),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
