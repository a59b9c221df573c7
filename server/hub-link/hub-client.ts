import type { Result } from '../../protocol/result.ts';

/** An answer from the hub: its value, its refusal, or that it could not be reached at all. */
export type HubAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'refused'; status: number; code: string; params: Record<string, string | number> }
  | { ok: false; kind: 'unreachable'; error: string };

/** A hub that has not answered within this long is treated as unreachable for this call. */
const callTimeoutMs = 30_000;

/** The centre's side of the hub's HTTP API (`/api/hub/v1/…`), with the centre token once it has one. */
export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
  ) {}

  get<T>(path: string): Promise<HubAnswer<T>> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<HubAnswer<T>> {
    return this.call<T>('POST', path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<HubAnswer<T>> {
    const token = this.token();
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
          'accept-language': 'vi',
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(callTimeoutMs),
      });
    } catch (e) {
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      return { ok: false, kind: 'unreachable', error: cause.slice(0, 200) };
    }
    let result: Result<T>;
    try {
      result = (await res.json()) as Result<T>;
    } catch {
      // A proxy's error page, a half-written answer: not the hub speaking.
      return { ok: false, kind: 'unreachable', error: `HTTP ${res.status} without a hub answer` };
    }
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, kind: 'refused', status: res.status, code: result.error?.code ?? 'unknown', params: result.error?.params ?? {} };
  }
}
