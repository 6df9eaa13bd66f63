package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.BrowserTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Upload forms on the real server, where Tomcat parses the multipart body: the CSRF token travels
 * as a form field (never in the address), an upload without it is refused, an upload over the
 * limit reaches its form with the "too large" message, and a broken body gets the 400 page that
 * says so.
 */
@BrowserTest
class UploadFormsTest {

    static final String PASSWORD = "Hochladen am Tetraeder 2026";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String BOUNDARY = "----PortalTestBoundary7MA4YWxkTrZu0gW";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String slug;
    long id;
    HttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        accounts = new TestAccounts(jdbc, encoder);
        slug = "test-upload-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = accounts.create("BUSINESS", PASSWORD);
        id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, 'Upload-Test', (SELECT id FROM category WHERE slug = 'dienstleistung'), 'Teststraße 1', '46236', 'PUBLISHED')
                RETURNING id""", Long.class, slug);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, owner);
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(get("/konto/anmelden").body());
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/konto/anmelden"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(owner, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/konto"));
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ?", String.valueOf(id));
        jdbc.update("DELETE FROM business WHERE slug = ?", slug);
        accounts.deleteAll();
    }

    @Test
    void theFormCarriesItsTokenAsAFieldAndAnUploadWithoutItIsRefused() throws Exception {
        String form = get("/konto/eintraege/" + id + "/bilder").body();
        assertThat(form).contains("enctype=\"multipart/form-data\"").doesNotContain("_csrf=");
        String token = csrf(form);

        HttpResponse<String> withToken = upload(multipart(token, ListingImagesTest.jpeg(400, 300)));
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ?", Integer.class, id)).isEqualTo(1);

        HttpResponse<String> withoutToken = upload(multipart(null, ListingImagesTest.jpeg(400, 300)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anUploadOverTheLimitReachesItsFormWithTheTooLargeMessage() throws Exception {
        String token = csrf(get("/konto/eintraege/" + id + "/bilder").body());
        byte[] big = Arrays.copyOf(ListingImagesTest.jpeg(50, 50), 6 * 1024 * 1024);
        HttpResponse<String> answer = upload(multipart(token, big));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("größer als 5 MB").contains("name=\"_csrf\"");
    }

    /** Over the container's limit on a form that is not an image form: the portal's 413 page, never a 500. */
    @Test
    void anOversizedUploadToAnotherFormGetsThe413Page() throws Exception {
        String token = csrf(get("/konto/eintraege/" + id + "/bilder").body());
        byte[] huge = Arrays.copyOf(ListingImagesTest.jpeg(50, 50), 21 * 1024 * 1024);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri("/konto/eintraege/" + id + "/oeffnungszeiten"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token, huge))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("<html lang=\"de\"");
    }

    @Test
    void aBrokenMultipartBodyGetsThe400PageThatSaysSo() throws Exception {
        String token = csrf(get("/konto/eintraege/" + id + "/bilder").body());
        byte[] whole = multipart(token, ListingImagesTest.jpeg(400, 300));
        byte[] cut = Arrays.copyOf(whole, whole.length - BOUNDARY.length() - 10); // the closing boundary is missing
        HttpResponse<String> answer = upload(cut);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("kam unvollständig oder beschädigt an").doesNotContain("größer als");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = ?", Integer.class, id)).isZero();
    }

    private HttpResponse<String> upload(byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/konto/eintraege/" + id + "/bilder"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The image form's fields as a browser sends them: file, alt text, and the token unless null. */
    private static byte[] multipart(String token, byte[] file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"foto.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nDer Laden von außen\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (token != null) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "de").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF field in the page").isTrue();
        return token.group(1);
    }
}
