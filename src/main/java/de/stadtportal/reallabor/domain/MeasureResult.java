package de.stadtportal.reallabor.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A result (Ergebnis) of a measure, dated as precisely as known. */
@Entity
public class MeasureResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Measure measure;

    private int position;

    /** ISO form as in HTML's {@code <time datetime>}: 2021, 2021-11 or 2021-11-26; null when undated. */
    private String dated;

    private String dateLabel;

    private String text;

    protected MeasureResult() {
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getDated() {
        return dated;
    }

    public String getDateLabel() {
        return dateLabel;
    }

    public String getText() {
        return text;
    }
}
