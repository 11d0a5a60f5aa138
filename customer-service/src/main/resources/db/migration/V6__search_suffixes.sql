-- The customer search's index: every suffix of each customer's folded short name, invoice title and
-- address (the first 12 characters of each), in a b-tree with what a result list is ordered by
-- (ADR 0015). A substring search is then a prefix range of this index, read by an index-only
-- scan: a search's matches sit next to each other in the index instead of one per heap page, and
-- they are counted and ranked without visiting the customer table (the page's 20 rows only).
-- It replaces the character-pair GIN index (V2-V5), whose matches had to be fetched from the
-- table one page each to be tested and ranked: 3x slower for a search matching 3,000 of 100,000
-- customers (docs/benchmarks.md, "The search reads a suffix index").

-- How long an indexed suffix is: a query up to this length is answered by the index alone; a
-- longer one by the index for its first 12 characters, then its matches' text. One rule for both
-- sides: the suffixes below and the query's key (CustomerSearch).
CREATE FUNCTION search_key(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT left(t, 12)
$$;

-- The suffixes of a customer's folded text and what each says about the match, which is its rank
-- in the relevance order: 2 the name starts with the query, 3 the name contains it, 4 the invoice
-- title, 5 the address (0 and 1, exact code and phone, come from their own indexes).
CREATE FUNCTION search_suffixes(name_folded text, title_folded text, address_folded text)
    RETURNS TABLE (suffix text, kind smallint)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT customer.search_key(substr(f.t, i)), CAST(CASE WHEN f.k = 3 AND i = 1 THEN 2 ELSE f.k END AS smallint)
FROM (VALUES (3, name_folded), (4, title_folded), (5, address_folded)) AS f(k, t),
     generate_series(1, char_length(f.t)) AS i
$$;

-- COLLATE "C": byte order, so that the strings starting with a key are one range of the index.
CREATE TABLE search_suffix (
    suffix      text COLLATE "C" NOT NULL,
    kind        smallint         NOT NULL,
    customer_id bigint           NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    code        text             NOT NULL
);
CREATE INDEX search_suffix_idx ON search_suffix (suffix) INCLUDE (kind, customer_id, code);
CREATE INDEX search_suffix_customer_idx ON search_suffix (customer_id);

-- Kept by PostgreSQL itself, whoever writes the customer (the service, the importer's bulk merge).
-- Inserts once per statement, set-based, so that a bulk load costs one INSERT ... SELECT; without
-- JIT, which the planner's high estimate for many rows' suffixes would otherwise compile (0.6 s).
CREATE FUNCTION search_suffixes_inserted() RETURNS trigger
    LANGUAGE plpgsql SET jit = off AS
$$
BEGIN
    INSERT INTO customer.search_suffix (suffix, kind, customer_id, code)
    SELECT s.suffix, s.kind, n.id, n.code
    FROM inserted n, customer.search_suffixes(n.name_folded, n.title_folded, n.address_folded) AS s;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_search_suffixes_inserted AFTER INSERT ON customer
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION search_suffixes_inserted();

-- An update re-indexes only a customer whose code or searchable text changed (most updates touch
-- neither): once per such row, the WHEN clause skipping the others at no cost.
CREATE FUNCTION search_suffixes_updated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM customer.search_suffix WHERE customer_id = NEW.id;
    INSERT INTO customer.search_suffix (suffix, kind, customer_id, code)
    SELECT s.suffix, s.kind, NEW.id, NEW.code
    FROM customer.search_suffixes(NEW.name_folded, NEW.title_folded, NEW.address_folded) AS s;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_search_suffixes_updated AFTER UPDATE OF code, short_name, invoice_title, address ON customer
    FOR EACH ROW
    WHEN ((OLD.code, OLD.name_folded, OLD.title_folded, OLD.address_folded)
              IS DISTINCT FROM (NEW.code, NEW.name_folded, NEW.title_folded, NEW.address_folded))
    EXECUTE FUNCTION search_suffixes_updated();

INSERT INTO search_suffix (suffix, kind, customer_id, code)
SELECT s.suffix, s.kind, c.id, c.code
FROM customer c, search_suffixes(c.name_folded, c.title_folded, c.address_folded) AS s;

-- The pair index and its column are no longer read by anything.
DROP INDEX customer_search_grams_idx;
ALTER TABLE customer DROP COLUMN search_grams;
DROP FUNCTION query_grams(text);
DROP FUNCTION search_grams(text);
