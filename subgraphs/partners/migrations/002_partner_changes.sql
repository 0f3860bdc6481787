-- The registry becomes writable through the API: who verified a tech company, which
-- organisation wrote last, and a field-level change log (the shape subgraphs/common/changes.ts
-- writes), so the owner and the Secretariat can see who changed what and when.
alter table partners.partner add column verified_by text;
alter table partners.partner add column updated_by_org text;
alter table partners.partner add constraint partner_version_positive check (version > 0);
create index partner_status on partners.partner (status);

create table partners.partner_change (
  id bigint generated always as identity primary key,
  entity_id text not null references partners.partner (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
