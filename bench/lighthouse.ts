import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
}

export const LIGHTHOUSE_BUDGET: LighthouseScores = { performance: 95, accessibility: 100, bestPractices: 100 };

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
      scores.push({ performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
