-- The text search configurations Duckgres has (types/text_search.hpp), with PostgreSQL 15's OIDs.

INSERT INTO static.pg_ts_config VALUES (3748, 'simple', 11, 10, 3722), (13164, 'english', 11, 10, 3722);
