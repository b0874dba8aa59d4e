import { expect, type Page } from "@playwright/test";

/** FullCalendar is a chunk of its own, loaded after the page: slow on a busy machine. */
export async function openCalendar(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator(".mb-calendar").getByRole("button", { name: /^Next / })).toBeVisible({ timeout: 30_000 });
}

/** A lesson or event on the calendar by its name: FullCalendar's are buttons, the phone's week list links a lesson to its page. */
export function calendarEntry(page: Page, name: RegExp) {
  const calendar = page.locator(".mb-calendar");
  return calendar.getByRole("button", { name }).or(calendar.getByRole("link", { name }));
}

export interface Point {
  x: number;
  y: number;
}

// FullCalendar may lay out and scroll again as events and fonts arrive, so wait until every cell and offset is still.
// All cells are measured at once: measuring one after another would scroll between measurements.
export async function settledSlots(page: Page, date: string, times: [string, string]): Promise<[Point, Point]> {
  const calendar = page.locator(".mb-calendar");
  for (const time of times) await expect(calendar.locator(`[data-time="${time}:00"]`).first()).toBeAttached();
  await expect(calendar.locator(`[data-date="${date}"]`).first()).toBeAttached();
  let points: [Point, Point] | null = null;
  await expect(async () => {
    points = await calendar.evaluate(
      (root, { date, times, stableFrames }) =>
        new Promise<[Point, Point] | null>((resolve) => {
          const frame = () => new Promise((next) => requestAnimationFrame(next));
          // The lane spans the grid; the axis label with the same data-time is narrower.
          const lane = (time: string) =>
            [...root.querySelectorAll<HTMLElement>(`[data-time="${time}:00"]`)].sort(
              (a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width,
            )[0]!;
          const column = () => root.querySelector<HTMLElement>(`[data-date="${date}"]`)!;
          const scrollers = () =>
            [...root.querySelectorAll<HTMLElement>("*")].filter((element) => element.scrollHeight > element.clientHeight + 1);
          const signature = () => {
            const day = column().getBoundingClientRect();
            const slots = times.map((time) => lane(time).getBoundingClientRect()).map((slot) => [slot.top, slot.height]);
            return JSON.stringify([slots, day.left, day.width, scrollers().map((element) => element.scrollTop), window.scrollY]);
          };
          void (async () => {
            lane(times[0]).scrollIntoView({ block: "center" });
            let previous = "";
            let unchanged = 0;
            for (let frames = 0; frames < 240 && unchanged < stableFrames; frames++) {
              await frame();
              const current = signature();
              unchanged = current === previous ? unchanged + 1 : 0;
              previous = current;
            }
            if (unchanged < stableFrames) return resolve(null);
            const day = column().getBoundingClientRect();
            const centre = (time: string) => {
              const slot = lane(time).getBoundingClientRect();
              return { x: day.left + day.width / 2, y: slot.top + slot.height / 2 };
            };
            const centres: [Point, Point] = [centre(times[0]), centre(times[1])];
            // Scrolled out of view or covered, a point would land on something else.
            const hitsDay = ({ x, y }: Point) => {
              const hit = document.elementFromPoint(x, y);
              return hit !== null && root.contains(hit) && hit.closest("[data-date]")?.getAttribute("data-date") === date;
            };
            resolve(centres.every(hitsDay) ? centres : null);
          })();
        }),
      { date, times, stableFrames: 8 },
    );
    expect(points, `settled, visible cells for ${date} at ${times.join(", ")}`).not.toBeNull();
  }).toPass({ timeout: 20_000 });
  return points!;
}
