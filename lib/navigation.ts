import type { UserRole } from "@/db/schema";

export interface NavItem {
  href: "/dashboard";
  label: string;
  icon: "home";
}

/** The signed-in app's sections, by role; each feature adds its entry when its pages land. */
export function navigationFor(_role: UserRole): NavItem[] {
  return [{ href: "/dashboard", label: "Dashboard", icon: "home" }];
}
