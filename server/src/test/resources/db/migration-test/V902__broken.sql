CREATE TABLE half_done (x TEXT);
INSERT INTO no_such_table VALUES (1);
