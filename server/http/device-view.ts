import type { DeviceView } from '../../protocol/http-views.ts';
import type { AppContext } from '../app/context.ts';
import type { DeviceRecord } from '../auth/auth-store.ts';

/** A paired device as the admin and the device itself see it (never its token). */
export function deviceView(ctx: AppContext, d: DeviceRecord): DeviceView {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    counterId: d.counterId,
    pairedAt: d.pairedAt,
    lastContactAt: ctx.auth.lastContact(d),
    revokedAt: d.revokedAt,
  };
}
