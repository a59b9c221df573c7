/**
 * The build these scripts belong to: the build writes its id in (scripts/build.ts), and the
 * server announces the id of the build it serves. A screen whose scripts are older than the
 * server's reloads itself (client/connection.ts). Null in a build made some other way.
 */
export const APP_BUILD: string | null = typeof import.meta.env.MOTCUA_BUILD === 'string' ? import.meta.env.MOTCUA_BUILD : null;
