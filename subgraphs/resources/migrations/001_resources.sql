-- Search text: lower case, with the diacritics of Latin script folded away (so "viet nam" finds
-- "Việt Nam"), and every other script left as written: Thai, Lao, Khmer and Myanmar marks carry
-- meaning. Both the stored text and every query go through this one function.
create function resources.search_normalize(value text) returns text language sql immutable parallel safe as $$ select lower(normalize(translate(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD'), NFC)) $$;
create function resources.search_document(titles jsonb, summaries jsonb) returns text language sql immutable parallel safe as $$ select resources.search_normalize(coalesce(string_agg(e ->> 'value', ' '), '')) from jsonb_array_elements(titles || summaries) e $$;
-- Every prefix of every language tag, lower case: "zh-Hans-SG" gives zh, zh-hans and zh-hans-sg,
-- so a filter on "zh" or "zh-Hans" finds it through one index.
create function resources.language_keys(tags text[]) returns text[] language sql immutable parallel safe as $$ select coalesce(array_agg(distinct lower(array_to_string(parts[1:n], '-'))), '{}') from (select string_to_array(tag, '-') as parts from unnest(tags) as tag) t, generate_series(1, cardinality(parts)) n $$;
-- Sort by the English title (else the first one), so pages keep one stable order.
create function resources.sort_title(titles jsonb) returns text language sql immutable parallel safe as $$ select lower(coalesce((select e ->> 'value' from jsonb_array_elements(titles) e where e ->> 'lang' = 'en' limit 1), titles -> 0 ->> 'value', '')) $$;
create table resources.resource (
  id text primary key check (id ~ '^[a-z0-9]([a-z0-9-]{0,78}[a-z0-9])?$'),
  kind text not null check (kind in ('TOOLKIT', 'RESEARCH', 'TRAINING', 'CAMPAIGN', 'POLICY', 'GUIDELINE')),
  titles jsonb not null check (jsonb_typeof(titles) = 'array' and jsonb_array_length(titles) > 0),
  summaries jsonb not null default '[]' check (jsonb_typeof(summaries) = 'array'),
  url text check (url ~ '^https?://[^\s/?#]+\.[^\s/?#]+(/\S*)?$' and length(url) <= 2048),
  languages text[] not null default '{}',
  audiences text[] not null default '{}' check (audiences <@ array['CHILDREN', 'PARENTS', 'TEACHERS', 'LAW_ENFORCEMENT', 'INDUSTRY', 'POLICYMAKERS']),
  focus_areas text[] not null default '{}',
  harm_types text[] not null default '{}',
  countries text[] not null default '{}',
  publisher text not null,
  copublishers text[] not null default '{}',
  published_on date,
  published_year integer check (published_year between 1900 and 2100),
  status text not null default 'PUBLISHED' check (status in ('PUBLISHED', 'RETIRED')),
  source text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  sort_title text generated always as (resources.sort_title(titles)) stored,
  search_text text generated always as (resources.search_document(titles, summaries)) stored,
  language_keys text[] generated always as (resources.language_keys(languages)) stored,
  check (published_on is null or published_year = extract(year from published_on))
);
create index resource_sort on resources.resource (sort_title, id);
create index resource_publisher on resources.resource (publisher);
create index resource_copublishers on resources.resource using gin (copublishers);
create index resource_countries on resources.resource using gin (countries);
create index resource_language_keys on resources.resource using gin (language_keys);
create index resource_audiences on resources.resource using gin (audiences);
create index resource_focus_areas on resources.resource using gin (focus_areas);
create index resource_search on resources.resource using gin (search_text gin_trgm_ops);
