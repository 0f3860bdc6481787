-- Agencies keep their mandate current through the API: every write is versioned (a stale
-- version is refused), who wrote last is kept, a retired agency is withdrawn from public
-- answers, and a field-level change log (the shape subgraphs/common/changes.ts writes) says who
-- changed what and when.
alter table governments.agency add column version integer not null default 1 check (version > 0);
alter table governments.agency add column retired_at timestamptz;
alter table governments.agency add column updated_by text;
alter table governments.agency add column updated_by_org text;

create table governments.agency_change (
  id bigint generated always as identity primary key,
  entity_id text not null references governments.agency (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
