package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.naming.FileNameConvention;
import io.callport.server.store.InvalidValueException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PickingRuleTest {
    private static final FileNameConvention RECORDER = FileNameConvention.preset(FileNameConvention.RECORDER_PRESET);

    @Test
    void aPercentageRoundsUpAndIsStableForAName() {
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "20260211/call-" + i + ".mp3").toList();
        PickingRule thirty = PickingRule.parse("30%");

        List<String> picked = thirty.pick(names, Function.identity(), name -> "");

        assertThat(picked).hasSize(3).isSubsetOf(names);
        assertThat(thirty.pick(names, Function.identity(), name -> "")).isEqualTo(picked);
        assertThat(thirty.pick(names.subList(0, 1), Function.identity(), name -> "")).hasSize(1);
        assertThat(thirty.pick(List.of(), Function.identity(), name -> "")).isEmpty();
        assertThat(PickingRule.parse("100 %").pick(names, Function.identity(), name -> "")).isEqualTo(names);
    }

    @Test
    void aMaximumPerAgentKeepsEachAgentsFirstRecordings() {
        List<RemoteFile> files = List.of(
                file("2026_02_11_08_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("2026_02_11_09_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("2026_02_11_09_30_00_Ann_Lee_Sortant_512_0682316817_12.mp3"),
                file("2026_02_11_10_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("unreadable-name.mp3"),
                file("another-unreadable.mp3"));
        PickingRule two = PickingRule.parse("max 2 per agent");

        List<RemoteFile> picked = two.pick(files, RemoteFile::path, file -> RunPlanner.agentOf(file, RECORDER));

        assertThat(picked).extracting(RemoteFile::path).containsExactly(
                "2026_02_11_08_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3",
                "2026_02_11_09_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3",
                "2026_02_11_09_30_00_Ann_Lee_Sortant_512_0682316817_12.mp3",
                "unreadable-name.mp3", "another-unreadable.mp3");
        assertThat(PickingRule.parse("1 per agent").pick(files, RemoteFile::path,
                file -> RunPlanner.agentOf(file, RECORDER))).hasSize(3);
    }

    @Test
    void theAgentComesFromIdThenExtensionThenName() {
        assertThat(RunPlanner.agentOf(file("20260211-101500_inbound_U042.wav"),
                FileNameConvention.preset(FileNameConvention.DIRECTION_PRESET))).isEqualTo("agentId:u042");
        assertThat(RunPlanner.agentOf(file("2026_02_11_08_00_00_Jean_Dupont_Entrant_478_0682316817_163.mp3"),
                RECORDER)).isEqualTo("agentExtension:478");
        assertThat(RunPlanner.agentOf(file("2026_02_11_08_00_00_Jean_Dupont.mp3"),
                FileNameConvention.preset("yyyy_MM_dd_HH_mm_ss_first_last"))).isEqualTo("name:jean dupont");
        assertThat(RunPlanner.agentOf(file("x.mp3"), null)).isEmpty();
    }

    @Test
    void rulesReadBackFromTheirText() {
        for (String text : new String[] {"all", "30%", "5 per agent"}) {
            assertThat(PickingRule.parse(text).text()).isEqualTo(text);
        }
        assertThatThrownBy(() -> PickingRule.parse("0%")).isInstanceOf(InvalidValueException.class)
                .hasMessage("A picking percentage is between 1 and 100, not 0.");
        assertThatThrownBy(() -> PickingRule.parse("half")).hasMessageContaining("'half' must be 'all'");
    }

    private static RemoteFile file(String name) {
        return new RemoteFile(name, 1, null);
    }
}
