package de.stadtportal.platform.mail;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Staff read the outbox: what was sent, what waits, what fails, and each mail in full. */
@Controller
class AdminOutboxController {

    static final int PAGE_SIZE = 50;

    private final MailOutbox outbox;

    AdminOutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/postausgang")
    String list(@RequestParam(name = "seite", defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        long total = outbox.count();
        model.addAttribute("mails", outbox.page(current, PAGE_SIZE));
        model.addAttribute("summary", outbox.summary());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        return "admin/mail/list";
    }

    @GetMapping("/admin/postausgang/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "admin/mail/show";
    }

    /** The attachment as the recipient gets it, never shown inline. */
    @GetMapping("/admin/postausgang/{id}/anhang")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        MailOutbox.Attachment attachment = outbox.attachment(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment.name()).build().toString())
                .body(attachment.content());
    }
}
