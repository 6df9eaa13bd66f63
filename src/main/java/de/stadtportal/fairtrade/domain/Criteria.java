package de.stadtportal.fairtrade.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of the five criteria of Fairtrade-Town, free of storage so it can be checked alone.
 * Counts are per calendar year; every business and every organisation counts once.
 */
public final class Criteria {

    /** Civil society: one school, one club and one faith community per started 200,000 inhabitants. */
    public static final int CIVIL_SOCIETY_BRACKET = 200_000;
    /** Steering group: at least three people. */
    public static final int STEERING_MINIMUM = 3;
    /** The kinds of organisation criterion 4 asks for, each with one action a year. */
    public static final List<MemberKind> CIVIL_SOCIETY = List.of(MemberKind.SCHOOL, MemberKind.CLUB, MemberKind.FAITH);

    private Criteria() {
    }

    /** How many schools, clubs and faith communities each (at least one; 200,000 → 1, 200,001 → 2). */
    public static int civilSocietyTarget(int population) {
        if (population < 0) {
            throw new IllegalArgumentException("population " + population);
        }
        return Math.max(1, (population + CIVIL_SOCIETY_BRACKET - 1) / CIVIL_SOCIETY_BRACKET);
    }

    /**
     * Shops and gastronomy that count: confirmed by staff, still with the directory's Fairtrade
     * attribute (the caller passes only those), each business once. A business that sells in a shop
     * (or as a florist) counts as a shop, even if it has a café too; one with only a café or restaurant
     * as gastronomy; without a kind given, its directory category decides.
     */
    public static ShopCount shops(Collection<CountedBusiness> businesses) {
        Map<Long, CountedBusiness> once = new LinkedHashMap<>();
        for (CountedBusiness business : businesses) {
            if (business.confirmed()) {
                once.putIfAbsent(business.id(), business);
            }
        }
        int shops = 0;
        int gastronomy = 0;
        for (CountedBusiness business : once.values()) {
            if (business.gastronomy()) {
                gastronomy++;
            } else {
                shops++;
            }
        }
        return new ShopCount(shops, gastronomy);
    }

    /**
     * The board of one year.
     *
     * @param target      null: staff set no target for this year (shop, gastronomy and press targets then 0 and not met)
     * @param active      per kind, how many organisations had at least one action in the year
     */
    public static List<Criterion> board(Target target, int population, int steeringPeople, Set<Sector> sectors,
                                        ShopCount shops, Map<MemberKind, Integer> active, int pressArticles) {
        boolean targetSet = target != null;
        int civil = civilSocietyTarget(population);
        Criterion council = new Criterion(1, List.of(
                new Measure("fairtrade.measure.council", targetSet && target.councilResolution() ? 1 : 0, 1)), targetSet);
        Criterion steering = new Criterion(2, List.of(
                new Measure("fairtrade.measure.steering", steeringPeople, STEERING_MINIMUM),
                new Measure("fairtrade.measure.sectors", sectors.size(), Sector.values().length)), true);
        Criterion trade = new Criterion(3, List.of(
                new Measure("fairtrade.measure.shops", shops.shops(), targetSet ? target.shops() : 0),
                new Measure("fairtrade.measure.gastronomy", shops.gastronomy(), targetSet ? target.gastronomy() : 0)),
                targetSet);
        Criterion society = new Criterion(4, CIVIL_SOCIETY.stream()
                .map(kind -> new Measure("fairtrade.measure." + kind.name(), active.getOrDefault(kind, 0), civil)).toList(), true);
        Criterion press = new Criterion(5, List.of(
                new Measure("fairtrade.measure.press", pressArticles, targetSet ? target.press() : 0)), targetSet);
        return List.of(council, steering, trade, society, press);
    }

    /** @param gastronomy whether it counts as gastronomy (see {@link #shops}) */
    public record CountedBusiness(long id, boolean confirmed, boolean gastronomy) {

        /** A shop sells in a shop or as a florist; without a kind, the directory's category "gastronomie" decides. */
        public static CountedBusiness of(long id, boolean confirmed, Set<SaleKind> kinds, String categorySlug) {
            boolean gastronomy = kinds.isEmpty() ? "gastronomie".equals(categorySlug)
                    : kinds.stream().allMatch(SaleKind::gastronomy);
            return new CountedBusiness(id, confirmed, gastronomy);
        }
    }

    public record ShopCount(int shops, int gastronomy) {
    }

    /** What staff set for one calendar year. */
    public record Target(int year, int shops, int gastronomy, int press, boolean councilResolution) {
    }

    /**
     * One figure of a criterion: "14 von 10 Geschäften".
     *
     * @param label message key; its text takes the count and the target
     */
    public record Measure(String label, int count, int target) {

        public boolean met() {
            return count >= target;
        }

        /** How full the bar is, 0 to 100 (a target of 0 is always full). */
        public int percent() {
            return target <= 0 ? 100 : (int) Math.min(100, Math.round(100.0 * count / target));
        }
    }

    /** @param targetSet false: staff set no target for the year, so the criterion cannot be met */
    public record Criterion(int number, List<Measure> measures, boolean targetSet) {

        public boolean met() {
            return targetSet && measures.stream().allMatch(Measure::met);
        }

        public String title() {
            return "fairtrade.criterion." + number;
        }
    }
}
