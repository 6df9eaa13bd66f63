package de.stadtportal.reallabor.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
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

    private String titleEn;

    private String summaryEn;

    private String backgroundEn;

    private String goals;

    private String goalsEn;

    private String outlookEn;

    @Version
    private long version;

    @OneToMany(mappedBy = "reallabor", cascade = CascadeType.ALL, orphanRemoval = true)
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

    public long getVersion() {
        return version;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public String getBackgroundEn() {
        return backgroundEn;
    }

    public String getGoals() {
        return goals;
    }

    public String getGoalsEn() {
        return goalsEn;
    }

    public String getOutlookEn() {
        return outlookEn;
    }

    /** The texts staff edit; the slug and position stay. */
    public void change(ReallaborText text) {
        this.title = text.title();
        this.titleEn = text.titleEn();
        this.summary = text.summary();
        this.summaryEn = text.summaryEn();
        this.background = text.background();
        this.backgroundEn = text.backgroundEn();
        this.goals = text.goals();
        this.goalsEn = text.goalsEn();
        this.outlook = text.outlook();
        this.outlookEn = text.outlookEn();
    }

    public ReallaborText text() {
        return new ReallaborText(title, titleEn, summary, summaryEn, background, backgroundEn, goals, goalsEn, outlook, outlookEn);
    }
}
