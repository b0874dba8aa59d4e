import type { UserRole } from "@/db/schema";

export interface NavItem {
  href: "/dashboard" | "/calendar" | "/lessons" | "/assignments" | "/practice" | "/messages" | "/students" | "/teachers" | "/settings";
  label: string;
  icon: "home" | "calendar" | "lessons" | "assignments" | "practice" | "messages" | "students" | "teachers" | "settings";
}

/** The signed-in app's sections for a role; each feature adds its entry when its pages land. */
export function navigationFor(role: UserRole): NavItem[] {
  return [
    { href: "/dashboard", label: "Dashboard", icon: "home" },
    { href: "/calendar", label: "Calendar", icon: "calendar" },
    { href: "/lessons", label: "Lessons", icon: "lessons" },
    { href: "/assignments", label: "Assignments", icon: "assignments" },
    ...(role === "student" ? [{ href: "/practice", label: "Practice", icon: "practice" } as const] : []),
    { href: "/messages", label: "Messages", icon: "messages" },
    role === "teacher"
      ? { href: "/students", label: "Students", icon: "students" }
      : { href: "/teachers", label: "Teachers", icon: "teachers" },
    { href: "/settings", label: "Settings", icon: "settings" },
  ];
}
