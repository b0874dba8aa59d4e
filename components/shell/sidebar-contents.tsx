import { Avatar } from "@/components/ui/avatar";
import { ThemeToggle } from "@/components/theme-toggle";
import type { UserRole } from "@/db/schema";
import type { AnyServerAction } from "@/lib/actions";
import { navigationFor } from "@/lib/navigation";
import type { Theme } from "@/lib/theme";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export interface SidebarProps {
  name: string;
  role: UserRole;
  theme: Theme;
  signOut: AnyServerAction;
}

/** The navigation, who is signed in, the theme and sign-out: the wide screen's sidebar and the phone's menu. */
export function SidebarContents({ name, role, theme, signOut }: SidebarProps) {
  return (
    <div className="flex h-full flex-col gap-6 px-3 pb-4">
      <nav aria-label="App" className="flex-1">
        <NavLinks items={navigationFor(role)} />
      </nav>
      <div className="space-y-3 border-t pt-4">
        <div className="flex items-center gap-3 px-2">
          <Avatar name={name} />
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs capitalize text-muted-foreground">{role}</p>
          </div>
        </div>
        <div className="flex items-center justify-between gap-2 px-2">
          <ThemeToggle initial={theme} />
          <SignOutButton signOut={signOut} />
        </div>
      </div>
    </div>
  );
}
