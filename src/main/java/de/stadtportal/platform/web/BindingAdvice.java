package de.stadtportal.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binding limits for every form: lists grow to {@link EdgeInputFilter#MAX_LIST_INDEX} + 1 entries at
 * most (the default of 256 let {@code days[255]} allocate), and a property path the form does not
 * have is the client's error (400 with the error page in the layout), not a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BindingAdvice {

    @InitBinder
    void limitLists(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(EdgeInputFilter.MAX_LIST_INDEX + 1);
    }

    /** The container then shows error/400.html in the layout, as for a 400 from {@link EdgeInputFilter}. */
    @ExceptionHandler(InvalidPropertyException.class)
    void invalidProperty(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
