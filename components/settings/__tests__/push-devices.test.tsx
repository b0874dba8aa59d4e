import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PushDevices } from "@/components/settings/push-devices";

const unused = async () => ({ ok: true as const });
const actions = { subscribe: unused, remove: unused, test: unused };

describe("PushDevices before hydration", () => {
  it("waits for its script, lists the devices with dates in the person's zone, and names each Remove button", () => {
    const html = renderToString(
      <PushDevices
        actions={actions}
        vapidPublicKey="BExampleKey"
        timezone="Asia/Tokyo"
        devices={[
          {
            id: "11111111-1111-4111-8111-111111111111",
            label: "Chrome on Android",
            endpoint: "https://fcm.googleapis.com/fcm/send/a",
            createdAt: new Date("2026-03-01T20:00:00Z"),
            lastUsedAt: new Date("2026-03-04T09:00:00Z"),
          },
        ]}
      />,
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>.*Notify me on this device<\/button>/);
    expect(html).toContain('role="status"');
    expect(html).toContain("Chrome on Android");
    // 20:00 UTC on 1 March is already 2 March in Tokyo.
    expect(html).toContain("Added 2 Mar 2026 · last notified 4 Mar 2026");
    expect(html).toContain('aria-label="Remove Chrome on Android, added 2 Mar 2026"');
    expect(html).toContain("Send a test notification");
  });

  it("offers no test and no list without devices", () => {
    const html = renderToString(<PushDevices actions={actions} vapidPublicKey="BExampleKey" timezone="Europe/London" devices={[]} />);
    expect(html).toContain("Notify me on this device");
    expect(html).not.toContain("Send a test notification");
    expect(html).not.toContain("Devices that get notifications");
  });
});
