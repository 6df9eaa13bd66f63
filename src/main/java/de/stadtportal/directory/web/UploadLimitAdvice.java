package de.stadtportal.directory.web;

import java.security.Principal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.platform.CurrentUser;
import de.stadtportal.platform.Languages;
import de.stadtportal.platform.LogoProperties;
import de.stadtportal.platform.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

/**
 * An upload over the limit (spring.servlet.multipart.*) fails before any controller runs. On the
 * image forms and the CSV import the user stays on the form and reads why (413); elsewhere the
 * general 4xx page.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private static final Pattern IMAGE_FORM = Pattern.compile("^/(konto/eintraege|admin/unternehmen)/(\\d{1,18})/bilder(/\\d{1,18})?$");

    private final ListingImagesEditor images;
    private final AdminImportController importer;
    private final PortalProperties properties;
    private final LogoProperties logo;

    UploadLimitAdvice(ListingImagesEditor images, AdminImportController importer, PortalProperties properties,
                      LogoProperties logo) {
        this.logo = logo;
        this.images = images;
        this.importer = importer;
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response, Principal principal) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ExtendedModelMap model = new ExtendedModelMap();
        // what LayoutModelAdvice gives every page; @ModelAttribute methods do not run for exception handlers
        model.addAttribute("currentPath", path);
        model.addAttribute("currentUser", CurrentUser.get());
        model.addAttribute("operator", properties.operator());
        model.addAttribute("baseUrl", properties.baseUrl().replaceAll("/+$", ""));
        model.addAttribute("cityLogo", logo);
        String german = Languages.withoutEnglishPrefix(path);
        german = german == null ? path : german;
        model.addAttribute("languageLinks", Map.of("de", request.getContextPath() + german,
                "en", request.getContextPath() + Languages.english(german)));
        Matcher matcher = IMAGE_FORM.matcher(path);
        String view = "error/4xx";
        if (path.equals("/admin/unternehmen/import")) {
            view = importer.form(model);
            model.addAttribute("fileError", "directory.import.fileTooLarge");
        } else if (matcher.matches()) {
            boolean staff = matcher.group(1).startsWith("admin");
            long id = Long.parseLong(matcher.group(2));
            String form = matcher.group(3) == null ? "foto" : "bild-" + matcher.group(3).substring(1);
            try {
                var listing = staff ? images.existing(id) : images.owned(id, principal);
                view = images.refuseTooLarge(listing, staff, model, form, null, response);
            } catch (ResponseStatusException e) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return new ModelAndView("error/404", model);
            }
        }
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return new ModelAndView(view, model);
    }
}
