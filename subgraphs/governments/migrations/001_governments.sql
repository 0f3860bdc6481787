create table governments.country (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  alpha3 text not null check (alpha3 ~ '^[A-Z]{3}$'),
  numeric_code text not null check (numeric_code ~ '^[0-9]{3}$'),
  names jsonb not null,
  sort_name text not null,
  calling_code text not null check (calling_code ~ '^\+[0-9]{1,3}$'),
  trunk_prefix text,
  time_zones text[] not null,
  official_languages text[] not null,
  asean_joined_on date,
  source text not null,
  updated_at timestamptz not null default now()
);
create index country_sort on governments.country (sort_name, code);
create table governments.emergency_number (
  country text not null references governments.country (code),
  number text not null check (number ~ '^[0-9]{3,4}$'),
  service text check (service in ('POLICE', 'AMBULANCE', 'FIRE', 'GENERAL')),
  source text not null,
  primary key (country, number)
);
create table governments.national_law (
  id text primary key,
  country text not null references governments.country (code),
  title text not null,
  year integer not null check (year between 1900 and 2100),
  summaries jsonb not null default '[]',
  in_force boolean not null,
  repealed_by text,
  source text not null
);
create index national_law_country on governments.national_law (country);
-- Agencies may act for a country without a full record (Australia's eSafety Commissioner), so
-- jurisdiction is a checked code rather than a reference to governments.country.
create table governments.agency (
  id text primary key,
  agency_type text not null check (agency_type in ('MINISTRY', 'LAW_ENFORCEMENT_UNIT', 'COMMISSION', 'ASEAN_BODY', 'INTERGOVERNMENTAL')),
  mandates jsonb not null default '[]',
  mandate_source text,
  parent_id text references governments.agency (id),
  jurisdiction text check (jurisdiction ~ '^[A-Z]{2}$'),
  specialised boolean not null default false,
  updated_at timestamptz not null default now(),
  check (not specialised or agency_type = 'LAW_ENFORCEMENT_UNIT')
);
create index agency_jurisdiction on governments.agency (jurisdiction);
create index agency_type on governments.agency (agency_type);
