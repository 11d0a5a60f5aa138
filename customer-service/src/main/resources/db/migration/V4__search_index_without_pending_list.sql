-- The book is read all day and written a few times an hour. With GIN's default fastupdate, new
-- rows wait in the index's unsorted pending list until the next (auto)vacuum; a search then scans
-- that list for every query, and the planner, seeing it, prefers a sequential scan: right after a
-- bulk load (the importer, the benchmark's seed) the broad name search took 3-4 times as long until
-- autovacuum came by. Without the pending list, every insert goes straight into the index (a
-- little slower to write, at this rate of writes nothing) and the search plan no longer depends
-- on when autovacuum last ran.
ALTER INDEX customer.customer_search_grams_idx SET (fastupdate = off);
ALTER INDEX customer.customer_phones_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('customer.customer_search_grams_idx'::regclass);
SELECT gin_clean_pending_list('customer.customer_phones_idx'::regclass);
