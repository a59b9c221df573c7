/**
 * Tokens kept in localStorage: the province hub's app keeps its session there. The centre's
 * apps keep theirs in HttpOnly cookies the server sets (issue 15); they read this only to move
 * a token an older build left here into the cookie (`app-identity.ts`). The key names the app.
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
    clear: () => {
      try {
        localStorage.removeItem(name);
      } catch {
        // Storage refused: there was nothing readable there either.
      }
    },
  };
}
