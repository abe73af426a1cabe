package io.callport.server.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test method once on SQLite and once on PostgreSQL, each time with a fresh migrated {@link Database}
 * (and a {@link Store} over it) as parameters. The PostgreSQL run is skipped when no server is reachable.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface OnEachDatabase {
}
