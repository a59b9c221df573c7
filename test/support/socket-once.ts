import { io as connect, type Socket } from 'socket.io-client';

/**
 * A real socket.io-client connected once (no reconnection) over WebSocket only, as a browser
 * app's would be: `extraHeaders` stand for the cookie and origin the browser sends with the
 * handshake. Resolves when connected, rejects with the server's refusal; `opened` gets the
 * socket either way, for the caller to close.
 */
export async function connectOnce<S extends Socket>(
  url: string,
  auth: Record<string, string>,
  extraHeaders: Record<string, string> | undefined,
  opened: (s: S) => void,
): Promise<S> {
  const s = connect(url, {
    auth,
    ...(extraHeaders && { extraHeaders }),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  }) as S;
  opened(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}
