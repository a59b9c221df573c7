/**
 * The project's import graph, read from the sources, and the two checks the architecture test
 * runs on it: imports that a layer may not make, and import cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import of a file: a project path (relative to the root, `/`-separated) or a package. */
export type ImportEdge = { kind: 'file'; target: string; line: number } | { kind: 'package'; name: string; line: number };

/** Every source file (root-relative path) and what it imports. */
export type ImportGraph = ReadonlyMap<string, readonly ImportEdge[]>;

/** Folders that hold no sources of ours: dependencies, build output, runtime data. */
const NOT_SOURCES = new Set(['node_modules', 'dist', 'dist-server', 'var', 'test-artifacts']);

/**
 * Reads every `.ts`/`.tsx` file under `root` (hidden folders and build output aside). Type-only
 * imports count: a type cycle still ties two modules together for whoever changes them.
 * Vite's `import.meta.glob('../locales/*.json')` counts as an import of the folder it names.
 */
export function readImportGraph(root: string): ImportGraph {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of sourceFiles(root, root)) graph.set(file, importsOf(file, readFileSync(join(root, file), 'utf8')));
  return graph;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || NOT_SOURCES.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The imports of one file, `file` being its root-relative path. */
export function importsOf(file: string, source: string): ImportEdge[] {
  const lineAt = (pos: number): number => source.slice(0, pos).split('\n').length;
  const edge = (specifier: string, pos: number): ImportEdge => {
    const line = lineAt(pos);
    if (!specifier.startsWith('.')) return { kind: 'package', name: packageName(specifier), line };
    return { kind: 'file', target: posix.normalize(posix.join(posix.dirname(file), specifier.split('?')[0] ?? '')), line };
  };
  const { importedFiles } = ts.preProcessFile(source, true, true);
  const edges = importedFiles.map((imported) => edge(imported.fileName, imported.pos));
  for (const match of source.matchAll(/import\.meta\.glob(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g)) {
    // The folder before the first wildcard is what the glob reaches into.
    const literal = (match[1] ?? '').split(/[*{]/)[0] ?? '';
    edges.push(edge(literal.endsWith('/') ? literal.slice(0, -1) : dirname(literal), match.index));
  }
  return edges;
}

/** `preact/hooks` → `preact`, `@scope/pkg/x` → `@scope/pkg`, `node:fs/promises` → `node:fs`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * What files of one layer may import. A layer is a folder or a file (`server/core`,
 * `server/log.ts`); a file belongs to the longest layer containing it and may always import
 * its own layer.
 */
export interface LayerRule {
  /** Folders and files it may import besides its own layer; `'anything'` for tools and tests. */
  mayImport: readonly string[] | 'anything';
  /** When set, the only packages it may import (`node:` built-ins included). */
  packages?: readonly string[];
  /** Runs in the browser: no Node built-ins. */
  browser?: boolean;
}

/** Whether `path` is `layer` or inside it. */
const within = (path: string, layer: string): boolean => path === layer || path.startsWith(`${layer}/`);

/** The longest layer of `rules` that contains `file`, if any. */
export function layerOf(file: string, rules: Readonly<Record<string, LayerRule>>): string | undefined {
  return Object.keys(rules)
    .filter((layer) => within(file, layer))
    .sort((a, b) => b.length - a.length)[0];
}

/** One line per import that breaks the rules, naming the file, the line and what is allowed. */
export function ruleViolations(graph: ImportGraph, rules: Readonly<Record<string, LayerRule>>): string[] {
  const problems: string[] = [];
  for (const [file, edges] of graph) {
    const layer = layerOf(file, rules);
    const rule = layer === undefined ? undefined : rules[layer];
    if (layer === undefined || !rule) {
      problems.push(`${file}: belongs to no layer; add its folder to the layer table`);
      continue;
    }
    for (const edge of edges) {
      const where = `${file}:${edge.line}`;
      if (edge.kind === 'file') {
        if (rule.mayImport === 'anything' || within(edge.target, layer)) continue;
        if (rule.mayImport.some((allowed) => within(edge.target, allowed))) continue;
        const allowed = rule.mayImport.length ? `only ${rule.mayImport.join(', ')}` : 'nothing else of the project';
        problems.push(`${where} imports ${edge.target}, but ${layer} may import ${allowed}`);
      } else if (rule.packages && !rule.packages.includes(edge.name)) {
        const allowed = rule.packages.length ? `only the packages ${rule.packages.join(', ')}` : 'no package';
        problems.push(`${where} imports package ${edge.name}, but ${layer} may import ${allowed}`);
      } else if (rule.browser && edge.name.startsWith('node:')) {
        problems.push(`${where} imports ${edge.name}, but ${layer} runs in the browser`);
      }
    }
  }
  return problems;
}

/**
 * Every import cycle among the graph's files, each written as a path that comes back to its
 * start (`a.ts → b.ts → a.ts`). One cycle is given per tangle of mutually reachable files
 * (Tarjan's strongly connected components), which is enough to name what to untie.
 */
export function importCycles(graph: ImportGraph): string[] {
  const next = (file: string): string[] =>
    (graph.get(file) ?? []).flatMap((e) => (e.kind === 'file' && graph.has(e.target) ? [e.target] : []));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  let counter = 0;

  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of next(file)) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = new Set<string>();
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== file);
    if (component.size > 1 || next(file).includes(file)) cycles.push(cycleThrough(file, component, next).join(' → '));
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file);
  return cycles;
}

/** A shortest path from `start` back to itself inside one strongly connected component. */
function cycleThrough(start: string, component: ReadonlySet<string>, next: (file: string) => string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    for (const target of next(file)) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
