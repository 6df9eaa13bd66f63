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

    private String textEn;

    private String dateLabelEn;

    protected MeasureResult() {
    }

    MeasureResult(Measure measure, int position, Data data) {
        this.measure = measure;
        change(position, data);
    }

    void change(int position, Data data) {
        this.position = position;
        this.dated = data.dated();
        this.dateLabel = data.dateLabel();
        this.dateLabelEn = data.dateLabelEn();
        this.text = data.text();
        this.textEn = data.textEn();
    }

    public Data data() {
        return new Data(dated, dateLabel, dateLabelEn, text, textEn);
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

    public String getTextEn() {
        return textEn;
    }

    public String getDateLabelEn() {
        return dateLabelEn;
    }

    /** @param dated 2021, 2021-11 or 2021-11-26, null when undated (then the labels are null too) */
    public record Data(String dated, String dateLabel, String dateLabelEn, String text, String textEn) {
    }
}
