package de.stadtportal.platform.statistics;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AdminStatisticsController {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final PageStatistics statistics;

    AdminStatisticsController(PageStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/admin/statistik")
    String show(@RequestParam(name = "tage", required = false) String days, Model model) {
        int period = PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(30);
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("pages", statistics.mostVisited(period, 100));
        return "admin/statistics/show";
    }
}
