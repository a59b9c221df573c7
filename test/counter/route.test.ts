import { describe, expect, it } from 'vitest';
import { routeOf } from '../../counter/route.ts';

describe('counter app routes', () => {
  it('opens the console, with or without a counter in the address', () => {
    expect(routeOf('/counter/')).toEqual({ kind: 'console', counterId: null });
    expect(routeOf('/counter')).toEqual({ kind: 'console', counterId: null });
    expect(routeOf('/counter/3')).toEqual({ kind: 'console', counterId: 3 });
    expect(routeOf('/counter/12/')).toEqual({ kind: 'console', counterId: 12 });
  });

  it('opens the rating tablet of a counter', () => {
    expect(routeOf('/rate/3')).toEqual({ kind: 'rating', counterId: 3 });
    expect(routeOf('/rate/')).toEqual({ kind: 'rating', counterId: null });
  });

  it('takes no counter from an address that names none in 1–99', () => {
    expect(routeOf('/counter/0')).toEqual({ kind: 'console', counterId: null });
    expect(routeOf('/counter/abc')).toEqual({ kind: 'console', counterId: null });
    expect(routeOf('/counter/123')).toEqual({ kind: 'console', counterId: null });
  });
});
