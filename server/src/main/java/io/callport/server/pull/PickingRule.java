package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a run's new recordings to fetch, decided from names alone before anything is downloaded: all of them, a
 * percentage, or at most N per agent.
 */
public sealed interface PickingRule {
    PickingRule ALL = new All();

    /** The picked candidates, in their original order. */
    <T> List<T> pick(List<T> candidates, Function<T, String> pathOf, Function<T, String> agentOf);

    /** The text {@link #parse} reads back: {@code all}, {@code 30%} or {@code 5 per agent}. */
    String text();

    /** True when the rule needs to know each recording's agent (from the file-name convention). */
    default boolean needsAgents() {
        return false;
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
            Set<T> chosen = new HashSet<>(candidates.stream()
                    .sorted(Comparator.comparing(candidate -> sha256(pathOf.apply(candidate))))
                    .limit(count).toList());
            return candidates.stream().filter(chosen::contains).toList();
        }

        @Override
        public String text() {
            return percent + "%";
        }

        private static String sha256(String text) {
            try {
                return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /**
     * The first {@code max} recordings of each agent in path order (date folders and date-first names make that the
     * earliest). Recordings whose name does not give an agent count together as one unknown agent.
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
