package de.stadtportal.directory;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Market days and voucher sale points are facts of the city with no checked default (issue #14): staff
 * see on the page which settings the operators set; visitors never see configuration names.
 */
@PortalTest
class TopicFactsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void staffSeeHowTheMarketAndVoucherFactsAreSet() throws Exception {
        mvc.perform(get("/wochenmarkt").with(TestAccounts.staff("redaktion@stadtportal.example", "EDITOR")))
                .andExpect(content().string(allOf(containsString("Für die Redaktion"),
                        containsString("PORTAL_DIRECTORY_TOPICS_MARKETS_0_NAME"))));
        mvc.perform(get("/gutschein").with(TestAccounts.staff("redaktion@stadtportal.example", "EDITOR")))
                .andExpect(content().string(containsString("PORTAL_DIRECTORY_TOPICS_VOUCHER_SOLD_AT_0")));
        mvc.perform(get("/en/gutschein").with(TestAccounts.staff("redaktion@stadtportal.example", "ADMIN")))
                .andExpect(content().string(containsString("For editors")));
        mvc.perform(get("/wochenmarkt")).andExpect(content().string(not(containsString("PORTAL_DIRECTORY"))));
        mvc.perform(get("/gutschein").with(TestAccounts.staff("laden@stadtportal.example", "BUSINESS")))
                .andExpect(content().string(not(containsString("PORTAL_DIRECTORY"))));
    }
}
