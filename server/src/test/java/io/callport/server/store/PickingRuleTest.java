package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.naming.NameFields;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PickingRuleTest {
    @Test
    void aPercentageRoundsUpAndIsStableForAName() {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "20260211/call-" + i + ".mp3").toList();
        PickingRule thirty = PickingRule.parse("30%");

        List<String> picked = thirty.pick(names, Function.identity(), name -> "");

        assertThat(picked).hasSize(3).isSubsetOf(names);
        assertThat(thirty.pick(names.reversed(), Function.identity(), name -> ""))
                .as("the order of the candidates does not change the choice")
                .containsExactlyInAnyOrderElementsOf(picked);
        assertThat(thirty.pick(names.subList(0, 1), Function.identity(), name -> "")).hasSize(1);
        assertThat(thirty.pick(List.of(), Function.identity(), name -> "")).isEmpty();
        assertThat(PickingRule.parse("100 %").pick(names, Function.identity(), name -> "")).isEqualTo(names);
    }

    @Test
    void aMaximumPerAgentKeepsEachAgentsFirstRecordingsInTheOrderGiven() {
        List<String> calls = List.of("ann-1", "ann-2", "bob-1", "ann-3", "nobody-1", "nobody-2");
        Function<String, String> agent = call -> call.startsWith("nobody") ? PickingRule.UNKNOWN_AGENT
                : call.substring(0, 3);

        assertThat(PickingRule.parse("max 2 per agent").pick(calls, Function.identity(), agent))
                .containsExactly("ann-1", "ann-2", "bob-1", "nobody-1", "nobody-2");
        assertThat(PickingRule.parse("1 per agent").pick(calls, Function.identity(), agent))
                .containsExactly("ann-1", "bob-1", "nobody-1");
    }

    @Test
    void theAgentComesFromIdThenExtensionThenName() {
        assertThat(PickingRule.agentOf(Map.of(NameFields.AGENT_ID, " U042", NameFields.AGENT_EXTENSION, "478")))
                .isEqualTo("agentId:u042");
        assertThat(PickingRule.agentOf(Map.of(NameFields.AGENT_EXTENSION, "478", NameFields.AGENT_FIRST_NAME, "Jean")))
                .isEqualTo("agentExtension:478");
        assertThat(PickingRule.agentOf(Map.of(NameFields.AGENT_FIRST_NAME, "Jean", NameFields.AGENT_LAST_NAME,
                "Dupont"))).isEqualTo("name:jean dupont");
        assertThat(PickingRule.agentOf(Map.of("Queue", "Billing"))).isEqualTo(PickingRule.UNKNOWN_AGENT);
    }

    @Test
    void rulesReadBackFromTheirText() {
        for (String text : new String[] {"all", "30%", "5 per agent"}) {
            assertThat(PickingRule.parse(text).text()).isEqualTo(text);
        }
        assertThat(PickingRule.parse(null)).isEqualTo(PickingRule.ALL);
        assertThatThrownBy(() -> PickingRule.parse("0%")).isInstanceOf(InvalidValueException.class)
                .hasMessage("A picking percentage is between 1 and 100, not 0.");
        assertThatThrownBy(() -> PickingRule.parse("150%")).hasMessage(
                "A picking percentage is between 1 and 100, not 150.");
        assertThatThrownBy(() -> PickingRule.parse("half")).hasMessageContaining("'half' must be 'all'");
    }
}
