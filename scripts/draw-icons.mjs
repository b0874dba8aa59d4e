#!/usr/bin/env node
// Draws the app icons in public/icons from the MusBook mark (app/icon.svg), with Debian's Chromium.
// Run after changing the mark: node scripts/draw-icons.mjs
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const BRAND = "#4f46e5";
const GLYPH = `<path d="M13 22.5V9.5l10-2.5v12.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="10.5" cy="22.5" r="3" fill="#fff"/><circle cx="20.5" cy="19.5" r="3" fill="#fff"/>`;

// "any": the rounded tile as in the favicon. "maskable": a full-bleed square, the glyph inside the central safe circle.
const tile = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${BRAND}"/>${GLYPH}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND}"/>
  <g transform="translate(16 16) scale(0.62) translate(-16 -15)">${GLYPH}</g></svg>`;

// Android's status-bar badge: the glyph alone, white on transparent (the system tints it).
const badge = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="4 4 24 24">${GLYPH}</svg>`;

const icons = [
  { file: "icon-192.png", size: 192, svg: tile },
  { file: "icon-512.png", size: 512, svg: tile },
  { file: "maskable-192.png", size: 192, svg: maskable },
  { file: "maskable-512.png", size: 512, svg: maskable },
  // iOS draws its own rounded corners over a full square.
  { file: "apple-touch-icon.png", size: 180, svg: maskable },
  { file: "badge-96.png", size: 96, svg: badge },
];

const out = path.resolve(import.meta.dirname, "../public/icons");
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await browser.newPage();
for (const { file, size, svg } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml,${encodeURIComponent(svg)}"></body></html>`,
  );
  await page.screenshot({ path: path.join(out, file), omitBackground: true });
  console.log(`public/icons/${file}`);
}
await browser.close();
