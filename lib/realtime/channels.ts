/** A strict grammar: any other channel is refused by the auth route. */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const USER_CHANNEL = new RegExp(`^private-user-(${UUID})$`);
const CONNECTION_CHANNEL = new RegExp(`^presence-connection-(${UUID})$`);

/** Pusher socket ids are two integers joined by a dot; anything else is refused (Pusher's 2015 advisory). */
export const SOCKET_ID = /^\d{1,19}\.\d{1,19}$/;

export type ParsedChannel = { kind: "user"; userId: string } | { kind: "connection"; connectionId: string };

export function parseChannel(name: string): ParsedChannel | null {
  const user = USER_CHANNEL.exec(name);
  if (user) return { kind: "user", userId: user[1]! };
  const connection = CONNECTION_CHANNEL.exec(name);
  if (connection) return { kind: "connection", connectionId: connection[1]! };
  return null;
}

export const connectionChannel = (connectionId: string) => `presence-connection-${connectionId}`;
