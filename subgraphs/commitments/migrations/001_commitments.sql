create table commitments.plan (
  code text primary key,
  titles jsonb not null,
  period_start date not null,
  period_end date not null,
  status text not null check (status in ('DRAFT', 'PRESENTED', 'ADOPTED')),
  milestones jsonb not null default '[]',
  source text not null,
  check (period_end > period_start)
);
create table commitments.focus_area (
  code text primary key,
  plan text not null references commitments.plan (code),
  number smallint not null check (number > 0),
  labels jsonb not null,
  unique (plan, number),
  unique (plan, code)
);
create table commitments.mnr_capability (
  code text primary key,
  number smallint not null unique check (number between 1 and 21),
  domain text not null check (domain in ('POLICY_AND_GOVERNANCE', 'CRIMINAL_JUSTICE', 'VICTIM', 'SOCIETAL', 'INDUSTRY', 'MEDIA_AND_COMMUNICATIONS')),
  labels jsonb not null
);
-- The reports count a member state only from the day it joined ASEAN (Timor-Leste: 26 October
-- 2025). The governments subgraph owns Country and its membership, and no subgraph reads
-- another's tables, so the reports keep this copy of the dates. It is reference data the
-- reports need to be correct, so it lives in the migration rather than in the optional seed.
create table commitments.asean_membership (
  country text primary key check (country ~ '^[A-Z]{2}$'),
  joined_on date not null
);
insert into commitments.asean_membership (country, joined_on) values
  ('ID', '1967-08-08'), ('MY', '1967-08-08'), ('PH', '1967-08-08'), ('SG', '1967-08-08'), ('TH', '1967-08-08'),
  ('BN', '1984-01-07'), ('VN', '1995-07-28'), ('LA', '1997-07-23'), ('MM', '1997-07-23'), ('KH', '1999-04-30'),
  ('TL', '2025-10-26');
-- status is the current status; started_on (first progress above 0 %) and closed_on (completed
-- or lapsed) let the reports work out each commitment's status on any past date.
create table commitments.commitment (
  id text primary key,
  partner_id text not null,
  plan text not null references commitments.plan (code),
  focus_area text not null,
  mnr_capability text references commitments.mnr_capability (code),
  countries text[] not null check (cardinality(countries) > 0),
  titles jsonb not null,
  status text not null default 'PLEDGED' check (status in ('PLEDGED', 'IN_PROGRESS', 'COMPLETED', 'LAPSED')),
  pledged_on date not null,
  target_date date,
  started_on date,
  closed_on date,
  source text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  foreign key (plan, focus_area) references commitments.focus_area (plan, code),
  check ((status in ('COMPLETED', 'LAPSED')) = (closed_on is not null)),
  check (status <> 'IN_PROGRESS' or started_on is not null),
  check (started_on is null or started_on >= pledged_on),
  check (closed_on is null or closed_on >= pledged_on)
);
-- Text ids so seeds can name their rows and stay idempotent; new updates get a UUID.
create table commitments.progress_update (
  id text primary key,
  commitment_id text not null references commitments.commitment (id),
  date date not null,
  percent smallint not null check (percent between 0 and 100),
  note text not null,
  author text not null,
  author_role text not null,
  author_org text,
  recorded_at timestamptz not null default now()
);
create index commitment_pledged on commitments.commitment (pledged_on, id);
create index commitment_partner on commitments.commitment (partner_id, pledged_on);
create index commitment_focus_area on commitments.commitment (focus_area, pledged_on);
create index commitment_status on commitments.commitment (status, pledged_on);
create index commitment_countries on commitments.commitment using gin (countries);
create index progress_update_commitment on commitments.progress_update (commitment_id, date, recorded_at, id);
