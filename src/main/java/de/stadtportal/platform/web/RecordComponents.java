package de.stadtportal.platform.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPreProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.preprocessor.IPreProcessor;
import org.thymeleaf.preprocessor.PreProcessor;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Templates read the components of the portal's view records ({@code ${hit.name}}) through one accessor
 * that keeps a method handle per record class and component. Without it every such read went the
 * general way on every request: Thymeleaf's access-checking reflective accessor asked whether it can
 * read, and Spring built a new optimal accessor each time, because SpEL keeps an accessor for an
 * expression only while the evaluation context lists that very accessor (it lists the general one, not
 * the one built from it). That was a fifth of the CPU time of rendering a search page (JFR). This
 * accessor is listed in every page's evaluation context (added when a template starts), so an
 * expression keeps it and reads with one call. Only records of the portal's own packages, and only
 * their components: anything else is read as before, with Thymeleaf's restrictions.
 */
@Component
class RecordComponents extends AbstractDialect implements IPreProcessorDialect {

    RecordComponents() {
        super("portal-record-components");
    }

    @Override
    public int getDialectPreProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPreProcessor> getPreProcessors() {
        return Arrays.stream(TemplateMode.values())
                .map(mode -> (IPreProcessor) new PreProcessor(mode, AddAccessor.class, 1000))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** At the start of a template: the accessor into the page's evaluation context, once. */
    public static final class AddAccessor extends AbstractTemplateHandler {

        @Override
        public void setContext(ITemplateContext context) {
            super.setContext(context);
            if (context.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME)
                    instanceof StandardEvaluationContext evaluation
                    && !evaluation.getPropertyAccessors().contains(Accessor.INSTANCE)) {
                evaluation.addPropertyAccessor(Accessor.INSTANCE);
            }
        }
    }

    /** Reads a component of a record of the portal's packages by a method handle kept per class. */
    static final class Accessor implements PropertyAccessor {

        static final Accessor INSTANCE = new Accessor();

        private static final String PORTAL_PACKAGE = "de.stadtportal.";

        private final ClassValue<Map<String, Reader>> readers = new ClassValue<>() {
            @Override
            protected Map<String, Reader> computeValue(Class<?> type) {
                if (!type.isRecord() || !type.getName().startsWith(PORTAL_PACKAGE)) {
                    return Map.of();
                }
                Map<String, Reader> byName = new HashMap<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    Method method = component.getAccessor();
                    ReflectionUtils.makeAccessible(method);
                    try {
                        MethodHandle handle = MethodHandles.lookup().unreflect(method)
                                .asType(MethodType.methodType(Object.class, Object.class));
                        TypeDescriptor declared = new TypeDescriptor(new MethodParameter(method, -1));
                        byName.put(component.getName(), new Reader(handle, declared,
                                !declared.getType().isPrimitive() && Modifier.isFinal(declared.getType().getModifiers())));
                    } catch (IllegalAccessException e) {
                        // not readable this way: left to the general accessors
                    }
                }
                return Map.copyOf(byName);
            }
        };

        private Accessor() {
        }

        @Override
        public Class<?>[] getSpecificTargetClasses() {
            return null;
        }

        @Override
        public boolean canRead(EvaluationContext context, Object target, String name) {
            return target != null && readers.get(target.getClass()).containsKey(name);
        }

        @Override
        public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
            Reader reader = target == null ? null : readers.get(target.getClass()).get(name);
            if (reader == null) {
                // an expression that kept this accessor meets another type: SpEL looks for another accessor
                throw new AccessException("not a component of a portal record: " + name);
            }
            try {
                Object value = reader.handle().invokeExact(target);
                // as Spring's reflective accessor: the declared type, narrowed to the value's unless it is final anyway
                return new TypedValue(value, reader.exact() ? reader.type() : reader.type().narrow(value));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new AccessException("reading " + name, (Exception) e);
            }
        }

        @Override
        public boolean canWrite(EvaluationContext context, Object target, String name) {
            return false;
        }

        @Override
        public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
            throw new AccessException("records are read only");
        }

        private record Reader(MethodHandle handle, TypeDescriptor type, boolean exact) {
        }
    }
}
