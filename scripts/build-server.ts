// Bundles the server (server/main.ts and everything it imports from this repo) into one ES
// module, dist-server/main.mjs, which `npm start` runs with plain Node. Running the TypeScript
// through tsx instead cost about 35 MB of RSS (its loader thread and source maps) on a box
// whose whole budget is 120 MB. Packages in node_modules stay outside the bundle.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The bundle `npm start` runs. */
export const SERVER_BUNDLE = join(repo, 'dist-server/main.mjs');

/**
 * Modules find their files next to themselves (fonts, locales, the built apps) through
 * `import.meta.url` / `import.meta.dirname`. In a bundle those would name the bundle, so each
 * module's own location is written back in, relative to the bundle: the tree can still move.
 */
const ownLocation: Plugin = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      if (contents.includes('import.meta.')) {
        const rel = JSON.stringify(relative(dirname(SERVER_BUNDLE), args.path).split('\\').join('/'));
        contents = contents
          .replaceAll('import.meta.url', `new URL(${rel}, import.meta.url).href`)
          .replaceAll('import.meta.dirname', `__motcuaModuleDir(${rel}, import.meta.url)`);
      }
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Build the bundle; esbuild takes a fraction of a second. */
export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [join(repo, 'server/main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [ownLocation],
    logLevel: 'warning',
    banner: {
      js: "import { fileURLToPath as __motcuaPath } from 'node:url'; import { dirname as __motcuaDirname } from 'node:path'; const __motcuaModuleDir = (rel, base) => __motcuaDirname(__motcuaPath(new URL(rel, base)));",
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer();
