/**
 * Tokens an older build kept in localStorage. Every app now keeps its token in an HttpOnly
 * cookie its server sets (issue 15); the centre's apps read this only to move a token an older
 * build left here into the cookie (`app-identity.ts`), the hub's app to end and drop its old
 * session (`hub-app.tsx`). The key names the app.
 */
export function storedToken(key: string): { get(): string | null; clear(): void } {
  const name = `motcua.${key}.token`;
  return {
    get: () => {
      try {
        return localStorage.getItem(name);
      } catch {
        return null;
      }
    },
    clear: () => {
      try {
        localStorage.removeItem(name);
      } catch {
        // Storage refused: there was nothing readable there either.
      }
    },
  };
}
