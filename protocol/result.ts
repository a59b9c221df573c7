/**
 * The acknowledgement every command gets, over Socket.IO and HTTP alike.
 * `code` is an i18next key: a bare key lives in the `errors` namespace (`quota_reached`),
 * a key of another namespace is written `ns:key` (`catalogue:import.bad_row`).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export interface ResultError {
  code: string;
  /** The message in the requester's language, made from `code` and `params`. */
  message: string;
  /** Interpolation values for the message, and data a client may act on (e.g. `reopensAt`). */
  params?: Record<string, string | number>;
}
