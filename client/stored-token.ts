/**
 * Tokens kept by a browser: a paired device's long-lived token, or a signed-in person's session.
 * localStorage survives a kiosk's reboot; the key names the app so one browser can hold several.
 */
export function storedToken(key: string): { get(): string | null; set(token: string): void; clear(): void } {
  const name = `motcua.${key}.token`;
  return {
    get: () => {
      try {
        return localStorage.getItem(name);
      } catch {
        return null;
      }
    },
    set: (token) => localStorage.setItem(name, token),
    clear: () => localStorage.removeItem(name),
  };
}

/** Calls the JSON API; an unreachable server becomes an `offline` error Result. */
export async function api<T>(method: string, path: string, body?: unknown, token?: string | null, lang = 'vi') {
  try {
    const res = await fetch(path, {
      method,
      headers: {
        'accept-language': lang,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await res.json()) as
      | { ok: true; value: T }
      | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } };
  } catch {
    return { ok: false as const, error: { code: 'offline', message: 'offline' } };
  }
}
