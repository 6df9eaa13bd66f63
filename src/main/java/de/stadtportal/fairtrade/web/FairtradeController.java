package de.stadtportal.fairtrade.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.stadtportal.events.EventsApi;
import de.stadtportal.news.NewsApi;
import de.stadtportal.news.NewsTopic;
import de.stadtportal.fairtrade.domain.BoardService;
import de.stadtportal.fairtrade.domain.JoinService;
import de.stadtportal.fairtrade.domain.JoinService.JoinData;
import de.stadtportal.fairtrade.domain.MemberKind;
import de.stadtportal.fairtrade.domain.NetworkService;
import de.stadtportal.fairtrade.domain.NetworkService.Member;
import de.stadtportal.fairtrade.domain.PressService;
import de.stadtportal.fairtrade.domain.Product;
import de.stadtportal.fairtrade.domain.SaleKind;
import de.stadtportal.fairtrade.domain.ShopService;
import de.stadtportal.fairtrade.domain.ShopService.Shop;
import de.stadtportal.fairtrade.domain.SteeringGroupService;
import de.stadtportal.fairtrade.domain.TitleService;
import de.stadtportal.platform.RateLimiter;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Fairtrade-Town for everyone: the title and its criteria, the network, where to buy fair, joining. */
@Controller
class FairtradeController {

    private final BoardService board;
    private final TitleService title;
    private final NetworkService network;
    private final SteeringGroupService steering;
    private final PressService press;
    private final ShopService shops;
    private final JoinService joins;
    private final EventsApi events;
    private final NewsApi news;
    private final RateLimiter joinLimit = new RateLimiter(5, java.time.Duration.ofHours(1));

    FairtradeController(BoardService board, TitleService title, NetworkService network, SteeringGroupService steering,
                        PressService press, ShopService shops, JoinService joins, EventsApi events, NewsApi news) {
        this.board = board;
        this.title = title;
        this.network = network;
        this.steering = steering;
        this.press = press;
        this.shops = shops;
        this.joins = joins;
        this.events = events;
        this.news = news;
    }

    /** The five fields of joining. */
    record JoinForm(
            @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{fairtrade.form.control}") String organisation,
            @NotNull(message = "{platform.validation.required}") MemberKind kind,
            @NotBlank(message = "{platform.validation.required}") @Size(max = 254, message = "{platform.validation.tooLong}") @Email(message = "{platform.validation.email}") String email,
            @Size(max = 300, message = "{platform.validation.tooLong}") @Pattern(regexp = FormPatterns.URL, message = "{fairtrade.form.url}") String website,
            @Size(max = 1000, message = "{platform.validation.tooLong}") @Pattern(regexp = FormPatterns.TEXT, message = "{fairtrade.form.control}") String message) {
    }

    @InitBinder("form")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/fairtrade")
    String overview(Model model) {
        int year = board.currentYear();
        model.addAttribute("board", board.board(year));
        model.addAttribute("terms", title.terms());
        model.addAttribute("firstAward", title.terms().stream().findFirst().orElse(null));
        Map<MemberKind, List<Member>> byKind = new TreeMap<>();
        network.members(true).forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new java.util.ArrayList<>()).add(m));
        model.addAttribute("membersByKind", byKind);
        model.addAttribute("actions", network.actions(year).stream().filter(a -> a.memberListed()).toList());
        model.addAttribute("seats", steering.all());
        model.addAttribute("articles", press.articles(null).stream().limit(10).toList());
        model.addAttribute("events", events.next("fairtrade", 5));
        model.addAttribute("latestNews", news.latestForTopic(NewsTopic.FAIRTRADE, 3));
        return "fairtrade/overview";
    }

    @GetMapping("/fairtrade/einkaufen")
    String shopping(@RequestParam(name = "produkt", required = false) String product,
                    @RequestParam(name = "art", required = false) String kind, Model model) {
        Product chosenProduct = parse(Product.class, product);
        SaleKind chosenKind = parse(SaleKind.class, kind);
        List<Shop> found = shops.shops().stream()
                .filter(s -> chosenProduct == null || s.offer().products().contains(chosenProduct))
                .filter(s -> chosenKind == null || s.kinds().contains(chosenKind))
                .sorted(Comparator.comparing(s -> s.listing().name()))
                .toList();
        model.addAttribute("shops", found);
        model.addAttribute("product", chosenProduct);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("products", Product.values());
        model.addAttribute("saleKinds", SaleKind.values());
        return "fairtrade/shopping";
    }

    /** An unknown filter value is ignored, as the directory's filters do. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/fairtrade/mitmachen")
    String join(Model model) {
        model.addAttribute("form", new JoinForm(null, null, null, null, null));
        return joinPage(model);
    }

    @PostMapping("/fairtrade/mitmachen")
    String join(@Valid @ModelAttribute("form") JoinForm form, BindingResult result, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return joinPage(model);
        }
        if (!joinLimit.tryAcquire(request.getRemoteAddr())) {
            result.reject("fairtrade.join.tooMany");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return joinPage(model);
        }
        joins.submit(new JoinData(form.organisation(), form.kind(), form.email(), form.website(), form.message()));
        redirect.addFlashAttribute("joined", true);
        return "redirect:/fairtrade/mitmachen";
    }

    private String joinPage(Model model) {
        model.addAttribute("kinds", Choice.of(MemberKind.values(), MemberKind::label));
        return "fairtrade/join";
    }
}
