package de.stadtportal.reallabor.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One entry of a measure's list (activities, funding, target groups, added value), German and English. */
@Embeddable
public class ListItem {

    @Column(name = "text")
    private String text;

    @Column(name = "text_en")
    private String textEn;

    protected ListItem() {
    }

    public ListItem(String text, String textEn) {
        this.text = text;
        this.textEn = textEn;
    }

    public String getText() {
        return text;
    }

    public String getTextEn() {
        return textEn;
    }
}
