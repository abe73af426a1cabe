package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * What the fuzz tests assert on every input they try: each reader answers in bounded time with issues that are
 * well-formed, whatever the bytes. A reader's own documented exceptions are the caller's to allow; anything else
 * escaping {@link #within} fails the input.
 */
public final class FuzzInvariants {
    /**
     * How long one input may take. Fuzz inputs are a few KB, so a reader that needs this long is quadratic or
     * worse; the bound is loose because CI machines are shared and fuzzing instruments every class.
     */
    public static final Duration PER_INPUT = Duration.ofSeconds(5);

    private FuzzInvariants() {
    }

    /** Runs the work and fails when it took longer than {@link #PER_INPUT}. */
    public static <T> T within(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time for one input").isLessThan(PER_INPUT);
        return result;
    }

    /**
     * Every issue has one of the reader's codes, names a file the reader was given, has a line between 0 and
     * {@code maxLine}, a sentence, and a value no longer than issues keep.
     */
    public static void assertWellFormed(Collection<Issue> issues, Set<IssueCode> codes, Predicate<String> fileNamed,
                                        long maxLine) {
        for (Issue issue : issues) {
            assertThat(issue.code()).as("code of %s", issue).isIn(codes);
            assertThat(issue.severity()).as("severity of %s", issue).isNotNull();
            assertThat(fileNamed).as("file of %s", issue).accepts(issue.file());
            assertThat(issue.line()).as("line of %s", issue).isBetween(0L, maxLine);
            assertThat(issue.message()).as("message of %s", issue).isNotBlank();
            assertThat(issue.value() == null || issue.value().length() <= Issue.MAX_VALUE_LENGTH)
                    .as("value of %s is shortened", issue).isTrue();
        }
    }
}
