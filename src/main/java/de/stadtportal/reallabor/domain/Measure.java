package de.stadtportal.reallabor.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;

/** One measure (Maßnahme) of a Reallabor, described as in the city's report. */
@Entity
public class Measure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Reallabor reallabor;

    private int position;

    private String title;

    private String coordination;

    private String titleEn;

    private String coordinationEn;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "measure_activity", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<ListItem> activities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_funding", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<ListItem> funding = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_target_group", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<ListItem> targetGroups = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_added_value", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<ListItem> addedValues = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "measure_actor",
            joinColumns = @JoinColumn(name = "measure_id"),
            inverseJoinColumns = @JoinColumn(name = "actor_id"))
    @OrderBy("id")
    private Set<Actor> actors = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "measure_megatrend",
            joinColumns = @JoinColumn(name = "measure_id"),
            inverseJoinColumns = @JoinColumn(name = "megatrend_id"))
    @OrderBy("id")
    private Set<Megatrend> megatrends = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "measure_sdg",
            joinColumns = @JoinColumn(name = "measure_id"),
            inverseJoinColumns = @JoinColumn(name = "sdg_number"))
    @OrderBy("number")
    private Set<Sdg> sdgs = new LinkedHashSet<>();

    @OneToMany(mappedBy = "measure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<MeasureResult> results = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_link", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "offer")
    @Enumerated(EnumType.STRING)
    private List<LiveOffer> links = new ArrayList<>();

    protected Measure() {
    }

    public Measure(Reallabor reallabor, int position) {
        this.reallabor = reallabor;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Reallabor getReallabor() {
        return reallabor;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getCoordination() {
        return coordination;
    }

    public List<ListItem> getActivities() {
        return activities;
    }

    public List<ListItem> getFunding() {
        return funding;
    }

    public List<ListItem> getTargetGroups() {
        return targetGroups;
    }

    public List<ListItem> getAddedValues() {
        return addedValues;
    }

    public Set<Actor> getActors() {
        return actors;
    }

    public Set<Megatrend> getMegatrends() {
        return megatrends;
    }

    public Set<Sdg> getSdgs() {
        return sdgs;
    }

    public List<MeasureResult> getResults() {
        return results;
    }

    public long getVersion() {
        return version;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getCoordinationEn() {
        return coordinationEn;
    }

    public List<LiveOffer> getLinks() {
        return links;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    /** Replaces everything staff edit of the measure; results keep their rows where they stay. */
    public void change(String title, String titleEn, String coordination, String coordinationEn,
                       List<ListItem> activities, List<ListItem> funding, List<ListItem> targetGroups,
                       List<ListItem> addedValues, Set<Actor> actors, Set<Megatrend> megatrends, Set<Sdg> sdgs,
                       List<LiveOffer> links, List<MeasureResult.Data> results) {
        this.title = title;
        this.titleEn = titleEn;
        this.coordination = coordination;
        this.coordinationEn = coordinationEn;
        replace(this.activities, activities);
        replace(this.funding, funding);
        replace(this.targetGroups, targetGroups);
        replace(this.addedValues, addedValues);
        replace(this.actors, actors);
        replace(this.megatrends, megatrends);
        replace(this.sdgs, sdgs);
        replace(this.links, links);
        while (this.results.size() > results.size()) {
            this.results.remove(this.results.size() - 1);
        }
        for (int i = 0; i < results.size(); i++) {
            if (i < this.results.size()) {
                this.results.get(i).change(i + 1, results.get(i));
            } else {
                this.results.add(new MeasureResult(this, i + 1, results.get(i)));
            }
        }
    }

    private static <T> void replace(java.util.Collection<T> target, java.util.Collection<T> source) {
        target.clear();
        target.addAll(source);
    }
}
