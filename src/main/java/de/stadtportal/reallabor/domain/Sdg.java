package de.stadtportal.reallabor.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of the 17 Sustainable Development Goals of the United Nations, with its official titles. */
@Entity
public class Sdg {

    @Id
    private short number;

    private String titleDe;

    private String titleEn;

    protected Sdg() {
    }

    public short getNumber() {
        return number;
    }

    public String getTitleDe() {
        return titleDe;
    }

    public String getTitleEn() {
        return titleEn;
    }
}
