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
