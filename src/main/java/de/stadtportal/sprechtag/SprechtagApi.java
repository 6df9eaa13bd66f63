package de.stadtportal.sprechtag;

import java.time.LocalDateTime;
import java.util.Optional;

import de.stadtportal.sprechtag.domain.SprechtagService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may know of the Digitalisierungssprechtag: when the next free slot is (for /handwerk). */
@Service
@Transactional(readOnly = true)
public class SprechtagApi {

    private final SprechtagService sprechtag;

    SprechtagApi(SprechtagService sprechtag) {
        this.sprechtag = sprechtag;
    }

    /** The local start (Europe/Berlin) of the next slot nobody has booked yet. */
    public Optional<LocalDateTime> nextFreeSlot() {
        return sprechtag.nextFreeSlot();
    }
}
