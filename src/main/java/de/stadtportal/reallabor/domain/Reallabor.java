package de.stadtportal.reallabor.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/** A real-world lab of the Wirtschaftsförderung: a theme worked on with a small group of motivated actors. */
@Entity
public class Reallabor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String title;

    private int position;

    private String summary;

    private String background;

    private String outlook;

    @Version
    private long version;

    @OneToMany(mappedBy = "reallabor")
    @OrderBy("position")
    private List<Measure> measures = new ArrayList<>();

    protected Reallabor() {
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public int getPosition() {
        return position;
    }

    public String getSummary() {
        return summary;
    }

    public String getBackground() {
        return background;
    }

    public String getOutlook() {
        return outlook;
    }

    public List<Measure> getMeasures() {
        return measures;
    }
}
