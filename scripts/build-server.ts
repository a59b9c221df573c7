// Bundles the server (server/main.ts and everything it imports from this repo) into one ES
// module, `<build>/server/main.mjs`, which `npm start` runs with plain Node. Running the
// TypeScript through tsx instead cost about 35 MB of RSS (its loader thread and source maps) on a
// box whose whole budget is 120 MB. Packages in node_modules stay outside the bundle. The
// catalogue import tool is bundled beside it, so a production install runs it without tsx, and
// so is the province hub (`npm run hub`).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The programs bundled into a build's `server/` folder. */
const ENTRIES = { main: 'server/main.ts', 'catalog-import': 'scripts/catalog-import.ts', hub: 'hub/main.ts' };

/**
 * Modules find their files next to themselves (fonts, locales, seed data) through
 * `import.meta.url` / `import.meta.dirname`. In a bundle those would name the bundle, so each
 * module's own location is written back in, relative to the bundle's final folder: the whole
 * tree (a checkout or a release) can still move.
 */
function ownLocation(finalDir: string): Plugin {
  return {
    name: 'own-location',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.')) {
          const rel = JSON.stringify(relative(finalDir, args.path).split('\\').join('/'));
          contents = contents
            .replaceAll('import.meta.url', `new URL(${rel}, import.meta.url).href`)
            .replaceAll('import.meta.dirname', `__motcuaModuleDir(${rel}, import.meta.url)`);
        }
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * Bundles the server into `outDir`, a folder that will be renamed to `finalDir` (which must be
 * as deep below the repository); esbuild takes a fraction of a second.
 */
export async function buildServer(outDir: string, finalDir = outDir): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(repo, file)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [ownLocation(finalDir)],
    logLevel: 'warning',
    banner: {
      js: "import { fileURLToPath as __motcuaPath } from 'node:url'; import { dirname as __motcuaDirname } from 'node:path'; const __motcuaModuleDir = (rel, base) => __motcuaDirname(__motcuaPath(new URL(rel, base)));",
    },
  });
}
