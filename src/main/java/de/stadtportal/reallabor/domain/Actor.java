package de.stadtportal.reallabor.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Someone taking part in measures: an institution, a group of businesses, a part of civil society. */
@Entity
public class Actor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    protected Actor() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
