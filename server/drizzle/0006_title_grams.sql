-- The list's title search (`q`, ILIKE '%养老%') needs an index for terms of one or two characters:
-- pg_trgm takes no trigram from them, so the whole table was scanned. title_grams(title) holds every
-- distinct character and character pair of the lower-cased title; a GIN index on it (next migration)
-- finds the titles holding all pairs of the term, and the ILIKE beside it keeps the exact result.
-- lower() on both sides is what ILIKE itself compares, so no title that ILIKE matches is left out.
CREATE OR REPLACE FUNCTION title_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(l, i, n)), '{}'::text[])
  FROM (SELECT lower(t) AS l) s, generate_series(1, 2) AS n, generate_series(1, char_length(l) - n + 1) AS i
$$;--> statement-breakpoint
-- The grams a title must hold to contain the term: its character pairs (one character: itself; empty: none).
CREATE OR REPLACE FUNCTION title_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE char_length(l)
    WHEN 0 THEN '{}'::text[]
    WHEN 1 THEN array[l]
    ELSE (SELECT array_agg(DISTINCT substr(l, i, 2)) FROM generate_series(1, char_length(l) - 1) AS i)
  END
  FROM (SELECT lower(q) AS l) s
$$;
