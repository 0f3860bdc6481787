-- Harm types (the OCSEA vocabulary this subgraph owns), services and their contact channels.
create table hotlines.harm_type (
  code text primary key check (code ~ '^[a-z0-9-]{1,40}$'),
  labels jsonb not null,
  descriptions jsonb not null default '[]',
  national_terms jsonb not null default '[]',
  crosswalk jsonb not null default '[]',
  sources text[] not null default '{}',
  position integer not null
);

create table hotlines.hotline (
  id text primary key,
  kind text not null check (kind in ('REPORTING_HOTLINE', 'CHILD_HELPLINE', 'LAW_ENFORCEMENT', 'SOCIAL_WELFARE', 'EMERGENCY')),
  names jsonb not null,
  descriptions jsonb not null default '[]',
  country text,
  serves text[] not null default '{}',
  international boolean not null default false,
  platform_reporting boolean not null default false,
  operator_id text,
  min_age integer,
  max_age integer,
  ages_note jsonb not null default '[]',
  languages text[] not null default '{}',
  schedule jsonb,
  rank integer not null default 100,
  verified_at timestamptz not null,
  source text not null,
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'RETIRED')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hotline_country on hotlines.hotline (country, rank, id);
create index hotline_serves on hotlines.hotline using gin (serves);
create index hotline_operator on hotlines.hotline (operator_id);

create table hotlines.hotline_harm (
  hotline_id text not null references hotlines.hotline (id) on delete cascade,
  harm_code text not null references hotlines.harm_type (code),
  primary key (hotline_id, harm_code)
);
create index hotline_harm_code on hotlines.hotline_harm (harm_code, hotline_id);

create table hotlines.channel (
  id text primary key,
  hotline_id text not null references hotlines.hotline (id) on delete cascade,
  type text not null check (type in ('PHONE', 'SHORT_CODE', 'TOLL_FREE', 'SMS', 'WHATSAPP', 'ZALO', 'LINE', 'MESSENGER', 'WEB_CHAT', 'WEB_FORM', 'EMAIL', 'WEBSITE')),
  value text not null,
  display text not null,
  e164 text,
  dialable_in text,
  labels jsonb not null default '[]',
  languages text[] not null default '{}',
  visibility text not null check (visibility in ('PUBLIC', 'PARTNERS', 'RESTRICTED')),
  free_of_charge boolean,
  verified boolean not null default false,
  verified_at timestamptz not null,
  source text not null,
  schedule jsonb,
  inherits_schedule boolean not null default true,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (type <> 'SHORT_CODE' or (e164 is null and dialable_in is not null)),
  check (not (inherits_schedule and schedule is not null))
);
create index channel_hotline on hotlines.channel (hotline_id, visibility, position, id);
create index channel_verified_at on hotlines.channel (verified_at, id);
