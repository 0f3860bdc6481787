-- Upkeep through the API: publishers and the Secretariat change and retire resources, every write
-- guarded by `version` and logged field by field. Verification is a state a change of address
-- (url) clears, so a resource not checked since its last move has no verifiedAt.
alter table resources.resource add column updated_by_org text;
alter table resources.resource add column verified boolean not null default false;
alter table resources.resource add column verified_at timestamptz;
alter table resources.resource add column verified_by text;
alter table resources.resource add constraint resource_verified_has_date check (not verified or verified_at is not null);
alter table resources.resource add constraint resource_version check (version > 0);
-- The seeded listings come from the domain facts, checked on 1 March 2026 (as the hotline seed).
update resources.resource set verified = true, verified_at = '2026-03-01T00:00:00Z' where updated_by = 'seed';
create index resource_review on resources.resource (status, verified, verified_at);

-- Field-level change log (the shape subgraphs/common/changes.ts writes).
create table resources.resource_change (
  id bigint generated always as identity primary key,
  entity_id text not null references resources.resource (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
