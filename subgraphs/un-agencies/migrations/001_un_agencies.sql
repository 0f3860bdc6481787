create table un_agencies.agency (
  id text primary key,
  parent_organisation text,
  mandates jsonb not null default '[]',
  mandate_source text,
  updated_at timestamptz not null default now()
);
create table un_agencies.project (
  id text primary key,
  agency_id text not null references un_agencies.agency (id),
  titles jsonb not null,
  summaries jsonb not null default '[]',
  countries text[] not null default '{}',
  focus_areas text[] not null default '{}',
  started_on date,
  ended_on date,
  status text not null check (status in ('ONGOING', 'COMPLETED', 'NOT_CONFIRMED')),
  source text not null,
  updated_at timestamptz not null default now(),
  check (ended_on is null or started_on is null or ended_on >= started_on)
);
create index project_agency on un_agencies.project (agency_id);
create index project_countries on un_agencies.project using gin (countries);
create index project_focus_areas on un_agencies.project using gin (focus_areas);
