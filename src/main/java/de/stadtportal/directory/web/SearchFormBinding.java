package de.stadtportal.directory.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the directory's list and map their {@link SearchForm} read straight from the query. Spring's
 * constructor binding of the record parsed the constructor's parameter annotations and their nullness
 * anew on every request (Java does not cache them on the fresh {@code Constructor} Spring looks up
 * each time): a fifth of all a varied directory search allocated, and these are the most asked pages
 * that are not kept whole (bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
class SearchFormBinding implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == SearchForm.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                return SearchForm.from(request.getNativeRequest(HttpServletRequest.class).getParameterMap());
            }
        });
    }
}
