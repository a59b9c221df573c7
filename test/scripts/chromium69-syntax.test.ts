import { describe, expect, it } from 'vitest';
import { checkChromium69Syntax } from '../support/chromium69-syntax.ts';

describe('the Chromium 69 syntax check of built scripts', () => {
  it('lets a lazily loaded chunk and ES2019 through', () => {
    expect(() => checkChromium69Syntax('const m = () => import("./qr.js"); export { m }; const { a, ...rest } = { a: 1 };')).not.toThrow();
  });

  it.each([
    ['a?.b', 'optional chaining'],
    ['a ?? b', 'nullish coalescing'],
    ['const n = 10n', 'BigInt'],
    ['export * as qr from "./qr.js"', 'export \\* as'],
    ['class A { #x = 1 }', 'Unexpected'],
  ])('refuses %s', (code, reason) => {
    expect(() => checkChromium69Syntax(code)).toThrow(new RegExp(reason));
  });
});
