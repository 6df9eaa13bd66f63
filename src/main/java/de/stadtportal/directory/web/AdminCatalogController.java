package de.stadtportal.directory.web;

import de.stadtportal.directory.domain.CatalogService;
import de.stadtportal.directory.domain.CatalogService.Kind;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff edit the categories (Branchen) and districts (Stadtteile) the directory offers. */
@Controller
class AdminCatalogController {

    static final int MAX_NAME = 120;
    private static final String PAGE = "/admin/unternehmen/verzeichnisse";

    private final CatalogService catalog;

    AdminCatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping(PAGE)
    String show(Model model) {
        model.addAttribute("categories", catalog.entries(Kind.CATEGORY));
        model.addAttribute("districts", catalog.entries(Kind.DISTRICT));
        return "admin/directory/catalog";
    }

    @PostMapping(PAGE + "/{kind}")
    String add(@PathVariable String kind, @RequestParam(required = false) String name,
               @RequestParam(required = false) String nameEn, @RequestParam(defaultValue = "0") int position, Model model, RedirectAttributes redirect,
               HttpServletResponse response) {
        Kind which = kind(kind);
        String error = check(name, nameEn, position);
        if (error == null && !catalog.add(which, name, nameEn, position)) {
            error = "directory.catalog.nameTaken";
        }
        if (error != null) {
            model.addAttribute("failure", error);
            model.addAttribute("addKind", kind);
            model.addAttribute("addName", name);
            model.addAttribute("addNameEn", nameEn);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model);
        }
        redirect.addFlashAttribute("success", "directory.catalog.added");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{kind}/{id}")
    String rename(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String nameEn, @RequestParam(defaultValue = "0") int position, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Kind which = existing(kind, id);
        String error = check(name, nameEn, position);
        if (error == null && !catalog.rename(which, id, name, nameEn, position)) {
            error = "directory.catalog.nameTaken";
        }
        if (error != null) {
            model.addAttribute("failure", error);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model);
        }
        redirect.addFlashAttribute("success", "directory.catalog.saved");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{kind}/{id}/loeschen")
    String delete(@PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
        Kind which = existing(kind, id);
        boolean deleted = catalog.delete(which, id);
        redirect.addFlashAttribute(deleted ? "success" : "failure", deleted ? "directory.catalog.deleted" : "directory.catalog.inUse");
        return "redirect:" + PAGE;
    }

    private static String check(String name, String nameEn, int position) {
        if (name == null || name.isBlank()) {
            return "directory.catalog.nameMissing";
        }
        if (name.strip().length() > MAX_NAME || nameEn != null && nameEn.strip().length() > MAX_NAME) {
            return "directory.catalog.nameTooLong";
        }
        if (position < 0 || position > 999) {
            return "directory.catalog.positionInvalid";
        }
        return null;
    }

    private Kind existing(String kind, long id) {
        Kind which = kind(kind);
        if (!catalog.exists(which, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return which;
    }

    private static Kind kind(String kind) {
        return switch (kind) {
            case "branchen" -> Kind.CATEGORY;
            case "stadtteile" -> Kind.DISTRICT;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }
}
