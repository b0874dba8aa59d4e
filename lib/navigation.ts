export interface NavItem {
  href: "/dashboard" | "/settings";
  label: string;
  icon: "home" | "settings";
}

/** The signed-in app's sections; each feature adds its entry (by role where they differ) when its pages land. */
export const navigation: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "home" },
  { href: "/settings", label: "Settings", icon: "settings" },
];
