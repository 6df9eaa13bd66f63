package de.stadtportal.reallabor.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A long-term change a measure answers to, such as digitalisation or demographic change. */
@Entity
public class Megatrend {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String nameEn;

    protected Megatrend() {
    }

    public Megatrend(String name, String nameEn) {
        this.name = name;
        this.nameEn = nameEn;
    }

    public void rename(String name, String nameEn) {
        this.name = name;
        this.nameEn = nameEn;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }
}
