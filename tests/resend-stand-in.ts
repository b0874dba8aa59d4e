import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedEmail {
  id: string;
  authorization?: string;
  idempotencyKey?: string;
  body: { to?: string | string[]; subject?: string; html?: string; text?: string } & Record<string, unknown>;
}

/** What the hosted-mode browser tests read back: the email's envelope and the links in it. */
export interface ListedEmail {
  id: string;
  to: string;
  subject: string;
  links: string[];
}

export interface ResendStandIn {
  url: string;
  received: ReceivedEmail[];
  /** The next `count` sends are answered 429 with Retry-After: 1, as Resend does when rate limited. */
  rateLimitNext(count: number): void;
  close(): Promise<void>;
}

const json = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

const linksIn = (html = "") => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));

/**
 * A local stand-in for the Resend HTTP API (the real SDK is pointed at it with RESEND_BASE_URL): it accepts sends and
 * lists domains for the one API key it knows, keeps one email per idempotency key, and lists what it received at
 * `GET /test/emails?to=` for tests.
 */
export async function startResendStandIn({ apiKey, port = 0 }: { apiKey: string; port?: number }): Promise<ResendStandIn> {
  const received: ReceivedEmail[] = [];
  let rateLimited = 0;
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://stand-in");
      if (request.method === "GET" && url.pathname === "/test/emails") {
        const to = url.searchParams.get("to");
        const listed: ListedEmail[] = received
          .filter((email) => !to || [email.body.to].flat().includes(to))
          .map((email) => ({
            id: email.id,
            to: String([email.body.to].flat()[0]),
            subject: String(email.body.subject),
            links: linksIn(email.body.html),
          }));
        return json(response, 200, listed);
      }
      if (request.headers.authorization !== `Bearer ${apiKey}`)
        return json(response, 401, { name: "validation_error", message: "API key is invalid" });
      if (request.method === "GET" && url.pathname === "/domains") return json(response, 200, { data: [] });
      if (request.method !== "POST" || url.pathname !== "/emails") return json(response, 404, { name: "not_found" });
      if (rateLimited > 0) {
        rateLimited--;
        response.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        return response.end(JSON.stringify({ name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 }));
      }
      const idempotencyKey = request.headers["idempotency-key"] as string | undefined;
      const earlier = idempotencyKey ? received.find((email) => email.idempotencyKey === idempotencyKey) : undefined;
      if (earlier) return json(response, 200, { id: earlier.id });
      const email: ReceivedEmail = {
        id: `email-${received.length + 1}`,
        authorization: request.headers.authorization,
        idempotencyKey,
        body: JSON.parse(raw) as ReceivedEmail["body"],
      };
      received.push(email);
      json(response, 200, { id: email.id });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    rateLimitNext: (count) => {
      rateLimited = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
