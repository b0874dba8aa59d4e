import type { MetadataRoute } from "next";

/** What a phone needs to install MusBook to the home screen (served at /manifest.webmanifest). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "MusBook",
    short_name: "MusBook",
    description: "Lessons, requests, messages and reminders for music teachers and their students.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    orientation: "any",
    // The light theme's colours: the manifest has one value; the page's theme-color meta follows dark mode once open.
    background_color: "#f8f8fc",
    theme_color: "#4f46e5",
    categories: ["education", "music", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Calendar", url: "/calendar", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Messages", url: "/messages", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: "Lessons", url: "/lessons", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
    ],
    screenshots: [
      {
        src: "/screenshots/dashboard-phone.png",
        sizes: "390x844",
        type: "image/png",
        form_factor: "narrow",
        label: "A student's dashboard: the next lesson, assignments and messages",
      },
      {
        src: "/screenshots/calendar-desktop.png",
        sizes: "1440x900",
        type: "image/png",
        form_factor: "wide",
        label: "A teacher's week in the calendar",
      },
    ],
  };
}
