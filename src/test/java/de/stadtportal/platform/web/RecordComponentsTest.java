package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Templates read the components of the portal's records through {@link RecordComponents}, with the same results as before. */
class RecordComponentsTest {

    record Item(String name, Integer count, Inner inner) {
        public String label() {
            return name + "!";
        }
    }

    record Inner(String text) {
    }

    /** A JavaBean with a property of the same name as a record component. */
    public static class Bean {
        public String getName() {
            return "bean";
        }
    }

    @Test
    void readsComponentsOfPortalRecordsOnly() {
        RecordComponents.Accessor accessor = RecordComponents.Accessor.INSTANCE;
        StandardEvaluationContext context = new StandardEvaluationContext();
        Item item = new Item("Bäckerei", 3, null);
        assertThat(accessor.canRead(context, item, "name")).isTrue();
        assertThat(accessor.canRead(context, item, "label")).as("a method, not a component").isFalse();
        assertThat(accessor.canRead(context, new Bean(), "name")).as("not a record").isFalse();
        assertThat(accessor.canRead(context, new java.util.AbstractMap.SimpleEntry<>("k", "v"), "key")).isFalse();
        assertThat(accessor.canRead(context, null, "name")).isFalse();
    }

    @Test
    void rendersAsTheGeneralAccessorsDid() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new RecordComponents());
        String template = "<p th:each=\"x : ${items}\" th:text=\"${x.name} + '|' + ${x.label()} + '|' + ${x.count == null ? '-' : x.count + 1}"
                + " + '|' + ${x.inner?.text ?: '-'}\"></p>";
        StaticApplicationContext application = new StaticApplicationContext();
        application.refresh();
        ThymeleafEvaluationContext evaluation = new ThymeleafEvaluationContext(application, null);

        // the same expressions over records, then a bean and a map: an expression that kept the record accessor
        // meets another type and reads it the general way
        Context context = new Context(Locale.GERMAN, Map.of(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation,
                "items", List.of(new Item("a", 1, new Inner("i")), new Item("b", null, null))));
        assertThat(engine.process(template, context)).isEqualTo("<p>a|a!|2|i</p><p>b|b!|-|-</p>");
        assertThat(evaluation.getPropertyAccessors()).containsOnlyOnce(RecordComponents.Accessor.INSTANCE);

        Context mixed = new Context(Locale.GERMAN, Map.of(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(application, null),
                "items", List.of(new Item("c", 2, null))));
        engine.process(template, mixed);
        String beanTemplate = "<p th:each=\"x : ${items}\" th:text=\"${x.name}\"></p>";
        assertThat(engine.process("<div>" + beanTemplate + "</div>", new Context(Locale.GERMAN, Map.of(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(application, null),
                "items", List.of(new Item("d", 0, null), new Bean(), Map.of("name", "map"), new Item("e", 0, null))))))
                .isEqualTo("<div><p>d</p><p>bean</p><p>map</p><p>e</p></div>");
    }
}
