create table tech_companies.company (
  id text primary key,
  memberships text[] not null default '{}',
  transparency_report_url text check (transparency_report_url ~ '^https://'),
  updated_at timestamptz not null default now()
);
create table tech_companies.platform (
  id text primary key,
  company_id text not null references tech_companies.company (id),
  name text not null,
  kind text not null check (kind in ('SOCIAL_NETWORK', 'MESSAGING', 'VIDEO', 'SEARCH', 'GAMING', 'CLOUD')),
  unique (company_id, name)
);
create index platform_company on tech_companies.platform (company_id);
create index platform_kind on tech_companies.platform (kind);
-- Restricted data in its own table, read only when the caller may see it. An example route can
-- point only at example.org, so a placeholder can never pass for a real escalation contact.
create table tech_companies.law_enforcement_route (
  company_id text primary key references tech_companies.company (id),
  url text check (url ~ '^https://'),
  email text,
  note text not null,
  example boolean not null,
  source text not null,
  verified_at timestamptz,
  updated_at timestamptz not null default now(),
  check (url is not null or email is not null),
  check (not example or (verified_at is null
    and (url is null or url ~ '^https://(www\.)?example\.org(/|$)')
    and (email is null or email ~ '@example\.org$')))
);
