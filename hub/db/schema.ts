import { logger } from '../../server/log.ts';
import type { Database } from './database.ts';

const log = logger('hub-schema');

/**
 * The hub's tables, one migration per step, applied in order inside one transaction each and
 * recorded in `schema_migrations`. Several hub processes may start at once: an advisory lock
 * lets one migrate while the others wait. Times are epoch ms (`bigint`), days the centre's local
 * `date`, as on the centres.
 */
const migrations: readonly string[] = [
  `
  create table centres (
    id serial primary key,
    code text not null unique,
    name text not null,
    level text not null,
    created_at bigint not null,
    token_hash text unique,
    joined_at bigint,
    revoked_at bigint,
    last_contact_at bigint,
    profile jsonb,
    live jsonb,
    live_at bigint,
    -- From the profile, copied out so report queries join on plain columns.
    target_wait_minutes int not null default 15,
    rating_scale int not null default 3
  );
  create table join_codes (
    code_hash text primary key,
    centre_id int not null references centres on delete cascade,
    expires_at bigint not null,
    used_at bigint
  );
  create table day_cursors (
    centre_id int not null references centres on delete cascade,
    day date not null,
    seq int not null,
    last_event_at bigint,
    primary key (centre_id, day)
  );
  create table events (
    centre_id int not null,
    day date not null,
    seq int not null,
    type text not null,
    at bigint not null,
    body jsonb not null,
    primary key (centre_id, day, seq)
  );
  create table tickets (
    centre_id int not null,
    day date not null,
    id text not null,
    label text not null,
    service_id text not null,
    issued_service_id text not null,
    counter_id int,
    clerk_id text,
    status text not null,
    priority_group text,
    procedure_code text,
    issued_at bigint not null,
    first_called_at bigint,
    started_at bigint,
    ended_at bigint,
    rating_level int,
    primary key (centre_id, day, id)
  );
  create index tickets_by_day on tickets (day, centre_id);
  create table users (
    id uuid primary key,
    username text not null unique,
    name text not null,
    role text not null,
    centre_id int references centres on delete cascade,
    password_hash text not null,
    created_at bigint not null,
    disabled_at bigint
  );
  create table sessions (
    token_hash text primary key,
    user_id uuid not null references users on delete cascade,
    expires_at bigint not null
  );
  create table setup (id int primary key check (id = 1), token text not null);
  create table machine_tokens (
    id uuid primary key,
    name text not null,
    token_hash text not null unique,
    scopes text[] not null,
    centre_id int references centres on delete cascade,
    created_at bigint not null,
    created_by text not null,
    last_used_at bigint,
    revoked_at bigint
  );
  create table catalogue_draft (
    id int primary key check (id = 1),
    catalogue jsonb,
    fees jsonb not null default '[]',
    updated_at bigint,
    updated_by text
  );
  create table catalogue_versions (
    version int primary key,
    catalogue jsonb not null,
    fees jsonb not null,
    note text not null,
    published_at bigint not null,
    published_by text not null,
    procedures int not null,
    fields int not null
  );
  create table webhooks (
    id uuid primary key,
    url text not null,
    events text[] not null,
    centre_id int references centres on delete cascade,
    description text not null,
    secret text not null,
    created_at bigint not null,
    disabled_at bigint
  );
  create table webhook_deliveries (
    id bigserial primary key,
    webhook_id uuid not null references webhooks on delete cascade,
    event_id text not null,
    type text not null,
    body jsonb not null,
    state text not null default 'pending',
    attempts int not null default 0,
    created_at bigint not null,
    next_attempt_at bigint,
    last_attempt_at bigint,
    last_status int,
    last_error text,
    unique (webhook_id, event_id)
  );
  create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state = 'pending';
  create index webhook_deliveries_recent on webhook_deliveries (created_at desc);
  `,
  // Each rating's own scale (three faces or five stars), so a centre that switches scales keeps
  // its earlier ratings' meaning; null for ratings shipped before ratings carried their scale.
  `alter table tickets add column rating_scale int`,
];

const lockKey = 20_2025_07_01;

/** Brings the database's tables up to date; returns how many migrations ran. */
export async function migrate(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [lockKey]);
    await tx.query('create table if not exists schema_migrations (version int primary key, applied_at bigint not null)');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    let ran = 0;
    for (const [i, sql] of migrations.entries()) {
      const version = i + 1;
      if (done.has(version)) continue;
      await tx.query(sql);
      await tx.query('insert into schema_migrations (version, applied_at) values ($1, $2)', [version, Date.now()]);
      log.info('migration applied', { version });
      ran++;
    }
    return ran;
  });
}
