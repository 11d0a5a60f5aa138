-- The grams a search for t looks up in customer_search_grams_idx: its character pairs, or the
-- character itself for a one-character query. Pairs are enough (every pair of a substring is a
-- pair of the text) and far more selective than single characters, whose GIN posting lists
-- (e.g. '路', in nearly every address) made the index scan cost as much as the search.
CREATE FUNCTION query_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT CASE WHEN char_length(t) < 2 THEN customer.search_grams(t)
            ELSE coalesce((SELECT array_agg(DISTINCT g)
                           FROM (SELECT substr(lower(t), i, 2) AS g FROM generate_series(1, char_length(t) - 1) AS i) AS pairs
                           WHERE g !~ '\s'), '{}')
       END
$$;
