/** Calendar colours, shared by FullCalendar's events and the page's legend (white text on each is ≥ 4.5:1). */
export const calendarColours = {
  scheduled: { colour: "#4f46e5", label: "Lesson" },
  completed: { colour: "#047857", label: "Completed" },
  cancelled: { colour: "#6b7280", label: "Cancelled" },
  event: { colour: "#c2410c", label: "Personal event" },
} as const;
