package de.stadtportal.directory.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import de.stadtportal.directory.domain.ListingImportService;
import de.stadtportal.directory.domain.ListingImportService.ImportResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV import of existing listings with a dry run, and CSV export of all listings, for staff. */
@Controller
class AdminImportController {

    private final ListingImportService importer;
    private final Clock clock;

    AdminImportController(ListingImportService importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    @GetMapping("/admin/unternehmen/import")
    String form(Model model) {
        model.addAttribute("columns", String.join(";", ListingImportService.COLUMNS));
        model.addAttribute("maxLines", ListingImportService.MAX_LINES);
        return "admin/directory/import";
    }

    /** "Prüfen" checks only; "Importieren" writes, and only when every line is valid. */
    @PostMapping("/admin/unternehmen/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "pruefen") String mode,
                  Model model, HttpServletResponse response) throws IOException {
        form(model);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "directory.import.fileMissing");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "admin/directory/import";
        }
        // the server reads uploads up to its multipart limit; a list is refused above the import's own 5 MB
        if (file.getSize() > ListingImportService.MAX_BYTES) {
            model.addAttribute("fileError", "directory.import.fileTooLarge");
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return "admin/directory/import";
        }
        ImportResult result = importer.importCsv(file.getBytes(), !"importieren".equals(mode));
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (!result.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return "admin/directory/import";
    }

    @GetMapping("/admin/unternehmen/export.csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("unternehmen-" + LocalDate.now(clock) + ".csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // the byte order mark lets Excel read the umlauts
        out.write('\uFEFF');
        // the printer flushes and closes the stream
        importer.exportCsv(out);
    }
}
