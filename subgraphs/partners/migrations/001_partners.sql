create table partners.partner (
  id text primary key,
  kind text not null check (kind in ('GOVERNMENT', 'TECH_COMPANY', 'CIVIL_SOCIETY', 'UN_AGENCY')),
  names jsonb not null,
  descriptions jsonb not null default '[]',
  scope text not null default 'NATIONAL' check (scope in ('NATIONAL', 'REGIONAL', 'INTERNATIONAL')),
  countries text[] not null default '{}',
  headquarters text,
  website text,
  focus_areas text[] not null default '{}',
  verified boolean not null default false,
  verified_at timestamptz,
  source text,
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
  sort_name text not null,
  search_text text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text
);
create index partner_sort on partners.partner (sort_name, id);
create index partner_countries on partners.partner using gin (countries);
create index partner_focus_areas on partners.partner using gin (focus_areas);
create index partner_search on partners.partner using gin (search_text gin_trgm_ops);
