export interface NavItem {
  href: "/dashboard";
  label: string;
  icon: "home";
}

/** The signed-in app's sections; each feature adds its entry (by role where they differ) when its pages land. */
export const navigation: NavItem[] = [{ href: "/dashboard", label: "Dashboard", icon: "home" }];
