-- Upkeep through the API: operators and the Secretariat change services and channels. `version`
-- guards every write against lost updates; retired records stay (for the Secretariat and the
-- operator) but leave every public answer; verification is a state a change can clear, so a
-- record not checked since its last change has no verifiedAt.
alter table hotlines.hotline add column version integer not null default 1 check (version > 0);
alter table hotlines.hotline add column verified boolean not null default true;
alter table hotlines.hotline add column verified_by text;
alter table hotlines.hotline add column updated_by text;
alter table hotlines.hotline add column updated_by_org text;
alter table hotlines.hotline alter column verified_at drop not null;
alter table hotlines.hotline add constraint hotline_verified_has_date check (not verified or verified_at is not null);
alter table hotlines.hotline add constraint hotline_ages check (min_age is null or max_age is null or min_age <= max_age);

alter table hotlines.channel add column version integer not null default 1 check (version > 0);
alter table hotlines.channel add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED'));
alter table hotlines.channel add column verified_by text;
alter table hotlines.channel add column updated_by text;
alter table hotlines.channel add column updated_by_org text;
alter table hotlines.channel alter column verified_at drop not null;
alter table hotlines.channel add constraint channel_verified_has_date check (not verified or verified_at is not null);

-- The review queue reads unverified and long-unchecked records per country.
create index hotline_review on hotlines.hotline (status, verified, verified_at);
create index channel_review on hotlines.channel (status, verified, verified_at);

-- Field-level change logs (the shape subgraphs/common/changes.ts writes).
create table hotlines.hotline_change (
  id bigint generated always as identity primary key,
  entity_id text not null references hotlines.hotline (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);

create table hotlines.channel_change (
  id bigint generated always as identity primary key,
  entity_id text not null references hotlines.channel (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);
