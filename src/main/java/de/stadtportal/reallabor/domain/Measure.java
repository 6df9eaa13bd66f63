package de.stadtportal.reallabor.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "measure_activity", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "text")
    private List<String> activities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_funding", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "text")
    private List<String> funding = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_target_group", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "text")
    private List<String> targetGroups = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "measure_added_value", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    @Column(name = "text")
    private List<String> addedValues = new ArrayList<>();

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

    @OneToMany(mappedBy = "measure")
    @OrderBy("position")
    private List<MeasureResult> results = new ArrayList<>();

    protected Measure() {
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

    public List<String> getActivities() {
        return activities;
    }

    public List<String> getFunding() {
        return funding;
    }

    public List<String> getTargetGroups() {
        return targetGroups;
    }

    public List<String> getAddedValues() {
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
}
