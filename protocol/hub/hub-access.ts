import * as v from 'valibot';

/**
 * Who may use the hub. People sign in: a province admin sees and manages everything, a centre
 * manager sees only their own centre. Integrators' programs use machine tokens with scopes.
 */
export type HubRole = 'province_admin' | 'centre_manager';

export interface HubUserView {
  id: string;
  username: string;
  name: string;
  role: HubRole;
  /** The manager's centre; null for province admins. */
  centreCode: string | null;
  createdAt: number;
  disabled: boolean;
}

const Username = v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9._-]{3,32}$/, 'expected 3–32 lowercase letters, digits or . _ -'));
const Password = v.pipe(v.string(), v.minLength(8), v.maxLength(256));
const PersonName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));

export const HubLoginPayload = v.strictObject({
  username: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
});

export const HubSetupPayload = v.strictObject({
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(128)),
  username: Username,
  name: PersonName,
  password: Password,
});

export const NewHubUserPayload = v.pipe(
  v.strictObject({
    username: Username,
    name: PersonName,
    password: Password,
    role: v.picklist(['province_admin', 'centre_manager']),
    centreCode: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.maxLength(32)))),
  }),
  v.check((u) => (u.role === 'centre_manager') === Boolean(u.centreCode), 'a centre manager has a centre, a province admin none'),
);

export const HubUserStatePayload = v.strictObject({ disabled: v.boolean() });

/** What a machine token may read. */
export const machineScopes = ['status:read', 'reports:read'] as const;
export type MachineScope = (typeof machineScopes)[number];

export const NewMachineTokenPayload = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  scopes: v.pipe(
    v.array(v.picklist(machineScopes)),
    v.minLength(1),
    v.check((s) => new Set(s).size === s.length, 'each scope once'),
  ),
  /** Limits the token to one centre's data; absent: the whole province. */
  centreCode: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.maxLength(32)))),
});

export interface MachineTokenView {
  id: string;
  name: string;
  scopes: MachineScope[];
  centreCode: string | null;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** `GET /api/auth/me` at the hub. */
export interface HubMe {
  user: HubUserView;
}
