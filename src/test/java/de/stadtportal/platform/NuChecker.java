package de.stadtportal.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Nu Html Checker on one page: its errors, empty when the page is valid (HtmlValidityTest and tests of single pages). */
public final class NuChecker {

    private NuChecker() {
    }

    public static List<String> errors(String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : JsonMapper.builder().build().readTree(json).path("messages")) {
            if ("error".equals(message.path("type").asString())
                    || "fatal".equals(message.path("subType").asString())) {
                errors.add("line " + message.path("lastLine").asString() + ": " + message.path("message").asString()
                        + " [" + message.path("extract").asString().strip() + "]");
            }
        }
        return errors;
    }
}
