/**
 * What a driver needs of a logger. The drivers do not pick a logger themselves: the server
 * passes its namespaced one (`logger('printer')`), so `hardware/` stays free of `server/` and a
 * driver's lines land in the same structured log as everything else.
 */
export interface DeviceLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
