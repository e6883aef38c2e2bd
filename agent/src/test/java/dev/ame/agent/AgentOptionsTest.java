package dev.ame.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  @Test
  void parse_nothing_givesDefaults() {
    AgentOptions o = AgentOptions.parse(null);
    assertEquals("warn", o.log);
    assertNull(o.config);
  }

  @Test
  void parse_knownKeys_areKept() {
    AgentOptions o = AgentOptions.parse("log=debug,config=ame.conf");
    assertEquals("debug", o.log);
    assertEquals("ame.conf", o.config);
  }

  @Test
  void parse_unknownKey_namesItAndTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log=info,colour=red"));
    assertTrue(e.getMessage().contains("unknown agent option 'colour'") && e.getMessage().contains("config, log"), e.getMessage());
  }

  @Test
  void parse_badValueOrShape_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log=loud"));
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log"));
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log=info,log=warn"));
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("config="));
  }
}
