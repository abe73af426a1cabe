-- stands in for the real V1, which is already applied
CREATE TABLE never_created (x TEXT);
