package dev.ringwatch.sample.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentHintTest {
    @Test
    void theRingwatchAgentWithOrWithoutOptionsCounts() {
        assertTrue(AgentHint.underAgent(List.of("-Xmx1g", "-javaagent:agent/target/ringwatch-agent.jar")));
        assertTrue(AgentHint.underAgent(List.of("-javaagent:/opt/rw/ringwatch-agent-0.1.0.jar=jfr=/tmp/x.jfr,logLevel=info")));
    }

    @Test
    void otherAgentsAndMentionsOfRingwatchDoNot() {
        assertFalse(AgentHint.underAgent(List.of()));
        assertFalse(AgentHint.underAgent(List.of("-javaagent:/opt/jmx_prometheus_javaagent-1.0.1.jar=9404:cfg.yml")));
        assertFalse(AgentHint.underAgent(List.of("-javaagent:/opt/other.jar=ringwatch-agent.jar")));
        assertFalse(AgentHint.underAgent(List.of("-Dnote=ringwatch-agent.jar")));
    }
}
