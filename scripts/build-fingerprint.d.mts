/** Types of build-fingerprint.mjs (plain JavaScript so that `npm start` needs no TypeScript tooling). */
export declare const BUILD_INPUTS: readonly string[];
export declare const BUILDS_DIR: string;
export declare function sourceFingerprint(repo: string): string;
export declare function currentBuildId(repo: string): string | null;
