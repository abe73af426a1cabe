package io.callport.server.store;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The engine behind {@link OnEachDatabase}. */
final class EachDatabaseExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(
                invocation(Dialect.SQLITE, () -> true, TestDatabases::sqlite),
                invocation(Dialect.POSTGRESQL, TestDatabases::postgresAvailable, TestDatabases::postgres));
    }

    private static TestTemplateInvocationContext invocation(Dialect dialect, Supplier<Boolean> available,
                                                            Supplier<TestDatabases.Disposable> factory) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return dialect.name();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of((BeforeEachCallback) ctx -> Assumptions.assumeTrue(available.get(),
                        dialect + " is not reachable: set " + TestDatabases.PG_URL_VARIABLE
                                + " (see .ci/start-postgres) to run this on PostgreSQL too"),
                        new DatabaseResolver(factory));
            }
        };
    }

    private record DatabaseResolver(Supplier<TestDatabases.Disposable> factory) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Database.class || type == Store.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Database database = context.getStore(ExtensionContext.Namespace.create(getClass(), context.getUniqueId()))
                    .computeIfAbsent("database", key -> factory.get(), TestDatabases.Disposable.class)
                    .database();
            return parameter.getParameter().getType() == Database.class ? database
                    : Store.on(database, Clock.systemUTC());
        }
    }
}
