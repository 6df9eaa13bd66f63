package de.stadtportal.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What operations rely on: liveness and readiness probes, Prometheus metrics. (In tests the
 * management port is the application's; in production it is its own, 8081 on loopback.)
 */
@PortalTest
class OperationsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void probesAndPrometheusMetricsAnswer() throws Exception {
        mvc.perform(get("/livez")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/readyz")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections")))
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
