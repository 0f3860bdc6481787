-- Agencies keep their technical-assistance projects current through the API: every write is
-- versioned (a stale version is refused), a RETIRED project is withdrawn from public answers,
-- who wrote last is kept, and a field-level change log (the shape subgraphs/common/changes.ts
-- writes) says who changed what and when.
alter table un_agencies.project drop constraint project_status_check;
alter table un_agencies.project add constraint project_status_check check (status in ('ONGOING', 'COMPLETED', 'NOT_CONFIRMED', 'RETIRED'));
alter table un_agencies.project add column version integer not null default 1 check (version > 0);
alter table un_agencies.project add column created_at timestamptz not null default now();
alter table un_agencies.project add column updated_by text;
alter table un_agencies.project add column updated_by_org text;
create index project_status on un_agencies.project (status);

create table un_agencies.project_change (
  id bigint generated always as identity primary key,
  entity_id text not null references un_agencies.project (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
