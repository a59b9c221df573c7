import { type Node, parse } from 'acorn';

/**
 * Throws when a built script uses syntax Chromium 69 (a lobby TV's browser) cannot run. That is
 * ES2019 plus the dynamic `import()` and `import.meta` of ES2020, which Chromium had since 63 and
 * 64: a lazily loaded chunk is fine there, optional chaining, `??`, BigInt and `export * as` are not.
 */
export function checkChromium69Syntax(code: string): void {
  visit(parse(code, { ecmaVersion: 2020, sourceType: 'module' }));
}

function visit(node: Node): void {
  const newer = newerSyntax(node);
  if (newer) throw new SyntaxError(`${newer} at ${node.start} is newer than Chromium 69`);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
    }
  }
}

function newerSyntax(node: Node): string | null {
  const n = node as Node & { operator?: string; bigint?: string; exported?: unknown };
  if (n.type === 'ChainExpression') return 'optional chaining (?.)';
  if (n.type === 'LogicalExpression' && n.operator === '??') return 'nullish coalescing (??)';
  if (n.type === 'Literal' && n.bigint !== undefined) return 'a BigInt literal';
  if (n.type === 'ExportAllDeclaration' && n.exported) return 'export * as';
  return null;
}
