import { audit } from '../app/audited-change.ts';
import type { AppContext } from '../app/context.ts';
import { fromResult, httpError, okResponse } from './http-results.ts';
import type { Router } from './router.ts';

/** The printer's admin side: its state, the last tickets with previews, and reprint. */
export function addPrinterRoutes(router: Router, ctx: AppContext): void {
  router.add('printerRecent', () => okResponse({ state: ctx.printer.state(), jobs: ctx.printer.recent() }));

  router.add('printerPreview', (r) => {
    const png = ctx.printer.preview(r.params.jobId);
    if (!png) return httpError(ctx, r, 'not_found');
    r.res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'private, max-age=3600' });
    r.res.end(png);
    return null;
  });

  router.add('reprint', async (r) => {
    const outcome = await ctx.printer.reprint(r.params.jobId);
    if (outcome.kind === 'unavailable') {
      return fromResult({
        ok: false,
        error: {
          code: 'admin:printer.reprint_failed',
          message: ctx.translator.t(r.lang, 'admin:printer.reprint_failed', { reason: outcome.reason }),
          params: { reason: outcome.reason },
        },
      });
    }
    await audit(ctx, r.principal, 'printer.reprinted', outcome.jobId);
    return okResponse(outcome);
  });
}
