export interface NavItem {
  href: "/dashboard" | "/calendar" | "/lessons" | "/settings";
  label: string;
  icon: "home" | "calendar" | "lessons" | "settings";
}

/** The signed-in app's sections; each feature adds its entry (by role where they differ) when its pages land. */
export const navigation: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "home" },
  { href: "/calendar", label: "Calendar", icon: "calendar" },
  { href: "/lessons", label: "Lessons", icon: "lessons" },
  { href: "/settings", label: "Settings", icon: "settings" },
];
