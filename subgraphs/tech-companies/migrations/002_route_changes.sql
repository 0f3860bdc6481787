-- Companies keep their law-enforcement request route current through the API: every write is
-- versioned (a stale version is refused), a retired route is withdrawn from its readers, who
-- wrote last is kept, and a field-level change log (the shape subgraphs/common/changes.ts
-- writes) says who changed what and when. The example.org check still applies to example rows
-- only; routes written through the API are never examples.
alter table tech_companies.law_enforcement_route add column version integer not null default 1 check (version > 0);
alter table tech_companies.law_enforcement_route add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED'));
alter table tech_companies.law_enforcement_route add column updated_by text;
alter table tech_companies.law_enforcement_route add column updated_by_org text;

create table tech_companies.law_enforcement_route_change (
  id bigint generated always as identity primary key,
  entity_id text not null references tech_companies.law_enforcement_route (company_id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
