-- Minutes of audio an organisation may send per month; NULL means no allocation (unlimited).
ALTER TABLE organisations ADD COLUMN monthly_minutes BIGINT;
