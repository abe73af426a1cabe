package io.callport.server.store;

import io.callport.naming.NameFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which of a run's recordings to take: all of them, a percentage, or at most N per agent. A pull connector applies
 * it to the new files of each run before anything is downloaded; a campaign applies it to the calls of each batch.
 * The same candidates always give the same choice.
 */
public sealed interface PickingRule {
    PickingRule ALL = new All();
    /** The agent of recordings whose agent is not known; they count together as one agent. */
    String UNKNOWN_AGENT = "";

    /** The picked candidates, in their original order. */
    <T> List<T> pick(List<T> candidates, Function<T, String> pathOf, Function<T, String> agentOf);

    /** The text {@link #parse} reads back: {@code all}, {@code 30%} or {@code 5 per agent}. */
    String text();

    /** True when the rule needs to know each recording's agent (from the file-name convention). */
    default boolean needsAgents() {
        return false;
    }

    /**
     * The agent a recording's fields (named as {@link NameFields} names them) give, for {@link MaxPerAgent}: the
     * agent id, else the extension, else first and last name, as {@code field:value} in lowercase; else
     * {@link #UNKNOWN_AGENT}.
     */
    static String agentOf(Map<String, String> fields) {
        for (String field : List.of(NameFields.AGENT_ID, NameFields.AGENT_EXTENSION)) {
            String value = fields.get(field);
            if (value != null && !value.isBlank()) {
                return field + ":" + value.strip().toLowerCase(Locale.ROOT);
            }
        }
        String first = fields.getOrDefault(NameFields.AGENT_FIRST_NAME, "");
        String last = fields.getOrDefault(NameFields.AGENT_LAST_NAME, "");
        String name = (first.strip() + " " + last.strip()).strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() ? UNKNOWN_AGENT : "name:" + name;
    }

    static PickingRule parse(String text) {
        String t = text == null ? "all" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("all")) {
            return ALL;
        }
        Matcher percent = Percentage.TEXT.matcher(t);
        if (percent.matches()) {
            return new Percentage(Integer.parseInt(percent.group(1)));
        }
        Matcher perAgent = MaxPerAgent.TEXT.matcher(t);
        if (perAgent.matches()) {
            return new MaxPerAgent(Integer.parseInt(perAgent.group(1)));
        }
        throw new InvalidValueException("The picking rule '" + text + "' must be 'all', a percentage such as '30%', "
                + "or a maximum per agent such as '5 per agent'.");
    }

    record All() implements PickingRule {
        @Override
        public <T> List<T> pick(List<T> candidates, Function<T, String> pathOf, Function<T, String> agentOf) {
            return candidates;
        }

        @Override
        public String text() {
            return "all";
        }
    }

    /**
     * The given share of the run's recordings, rounded up so a small run still gets one. Which ones is spread by a
     * hash of each path: stable for a given name, and independent of agent, time or folder order.
     */
    record Percentage(int percent) implements PickingRule {
        private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s*%");

        public Percentage {
            if (percent < 1 || percent > 100) {
                throw new InvalidValueException("A picking percentage is between 1 and 100, not " + percent + ".");
            }
        }

        @Override
        public <T> List<T> pick(List<T> candidates, Function<T, String> pathOf, Function<T, String> agentOf) {
            int count = (int) Math.ceil(candidates.size() * percent / 100.0);
            // each path hashed once; the candidates with the lowest hashes are picked
            String[] hashes = candidates.stream().map(candidate -> sha256(pathOf.apply(candidate)))
                    .toArray(String[]::new);
            Set<Integer> chosen = new HashSet<>(IntStream.range(0, hashes.length).boxed()
                    .sorted(Comparator.comparing(index -> hashes[index])).limit(count).toList());
            return IntStream.range(0, hashes.length).filter(chosen::contains).mapToObj(candidates::get).toList();
        }

        @Override
        public String text() {
            return percent + "%";
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /**
     * The first {@code max} recordings of each agent in the order given (connectors give path order, which date
     * folders and date-first names make the earliest). Recordings whose agent is not known count together as one
     * unknown agent.
     */
    record MaxPerAgent(int max) implements PickingRule {
        private static final Pattern TEXT = Pattern.compile("(?:max\\s+)?(\\d{1,6})\\s+per\\s+agent");

        public MaxPerAgent {
            if (max < 1) {
                throw new InvalidValueException("A maximum per agent is at least 1, not " + max + ".");
            }
        }

        @Override
        public <T> List<T> pick(List<T> candidates, Function<T, String> pathOf, Function<T, String> agentOf) {
            Map<String, Integer> taken = new HashMap<>();
            List<T> picked = new ArrayList<>();
            for (T candidate : candidates) {
                if (taken.merge(agentOf.apply(candidate), 1, Integer::sum) <= max) {
                    picked.add(candidate);
                }
            }
            return picked;
        }

        @Override
        public String text() {
            return max + " per agent";
        }

        @Override
        public boolean needsAgents() {
            return true;
        }
    }
}
