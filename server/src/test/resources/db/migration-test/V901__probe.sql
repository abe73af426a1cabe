CREATE TABLE migration_probe (x TEXT);
