-- Programs, kept current by the organisation that owns them. `seq` only grows, so listings
-- ordered by it page stably while rows are added; `version` guards every write against lost
-- updates; dates stay dates (selected as text, so no time zone can shift them).
create table civil_society.program (
  id text primary key,
  seq integer generated always as identity unique,
  owner_id text not null,
  owner_kind text not null check (owner_kind in ('CIVIL_SOCIETY', 'UN_AGENCY')),
  titles jsonb not null,
  descriptions jsonb not null default '[]',
  countries text[] not null default '{}',
  focus_areas text[] not null default '{}',
  harm_types text[] not null default '{}',
  audiences text[] not null default '{}',
  status text not null default 'ACTIVE' check (status in ('PLANNED', 'ACTIVE', 'ENDED', 'ARCHIVED')),
  starts_on date,
  ends_on date,
  website text,
  email text,
  phone jsonb,
  contacts_source text,
  contacts_verified_at timestamptz,
  search_text text not null,
  version integer not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  updated_by_org text,
  check (starts_on is null or ends_on is null or ends_on >= starts_on)
);
create index program_owner on civil_society.program (owner_id, seq);
create index program_countries on civil_society.program using gin (countries);
create index program_focus_areas on civil_society.program using gin (focus_areas);
create index program_harm_types on civil_society.program using gin (harm_types);
create index program_audiences on civil_society.program using gin (audiences);
-- Trigrams, not word stemming: Thai, Khmer, Lao and Burmese are written without spaces.
create index program_search on civil_society.program using gin (search_text gin_trgm_ops);

-- Field-level change log (the shape subgraphs/common/changes.ts writes).
create table civil_society.program_change (
  id bigint generated always as identity primary key,
  entity_id text not null references civil_society.program (id),
  version integer not null,
  actor_sub text,
  actor_org text,
  at timestamptz not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  unique (entity_id, version, field)
);

-- Network memberships (ECPAT, INHOPE, Child Helpline International), each with its source.
create table civil_society.membership (
  member_id text not null,
  network_id text not null,
  joined_on date,
  joined_year integer,
  note text,
  source text not null,
  verified_at timestamptz not null,
  primary key (member_id, network_id)
);
create index membership_network on civil_society.membership (network_id);
