package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.naming.FileNameConvention;
import io.callport.server.store.PickingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connector's picking reads each recording's agent from its name. */
class RunPlannerTest {
    private static final FileNameConvention RECORDER = FileNameConvention.preset(FileNameConvention.RECORDER_PRESET);

    @Test
    void theAgentComesFromTheNameByTheConvention() {
        assertThat(RunPlanner.agentOf(file("20260211-101500_inbound_U042.wav"),
                FileNameConvention.preset(FileNameConvention.DIRECTION_PRESET))).isEqualTo("agentId:u042");
        assertThat(RunPlanner.agentOf(file("2026_02_11_08_00_00_Jean_Dupont_Entrant_478_0682316817_163.mp3"),
                RECORDER)).isEqualTo("agentExtension:478");
        assertThat(RunPlanner.agentOf(file("2026_02_11_08_00_00_Jean_Dupont.mp3"),
                FileNameConvention.preset("yyyy_MM_dd_HH_mm_ss_first_last"))).isEqualTo("name:jean dupont");
        assertThat(RunPlanner.agentOf(file("x.mp3"), null)).isEqualTo(PickingRule.UNKNOWN_AGENT);
    }

    @Test
    void aMaximumPerAgentKeepsEachAgentsFirstRecordingsInPathOrder() {
        List<RemoteFile> files = List.of(
                file("2026_02_11_08_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("2026_02_11_09_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("2026_02_11_09_30_00_Ann_Lee_Sortant_512_0682316817_12.mp3"),
                file("2026_02_11_10_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3"),
                file("unreadable-name.mp3"),
                file("another-unreadable.mp3"));

        List<RemoteFile> picked = PickingRule.parse("max 2 per agent").pick(files, RemoteFile::path,
                file -> RunPlanner.agentOf(file, RECORDER));

        assertThat(picked).extracting(RemoteFile::path).containsExactly(
                "2026_02_11_08_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3",
                "2026_02_11_09_00_00_Jean-Pierre_Dupont_Entrant_478_0682316817_163.mp3",
                "2026_02_11_09_30_00_Ann_Lee_Sortant_512_0682316817_12.mp3",
                "unreadable-name.mp3", "another-unreadable.mp3");
    }

    private static RemoteFile file(String name) {
        return new RemoteFile(name, 1, null);
    }
}
