package de.stadtportal.fairtrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.stadtportal.fairtrade.domain.Criteria;
import de.stadtportal.fairtrade.domain.Criteria.CountedBusiness;
import de.stadtportal.fairtrade.domain.Criteria.Criterion;
import de.stadtportal.fairtrade.domain.Criteria.ShopCount;
import de.stadtportal.fairtrade.domain.Criteria.Target;
import de.stadtportal.fairtrade.domain.MemberKind;
import de.stadtportal.fairtrade.domain.SaleKind;
import de.stadtportal.fairtrade.domain.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arithmetic of the five criteria. */
class CriteriaTest {

    @ParameterizedTest
    @CsvSource({"0, 1", "50000, 1", "117000, 1", "199999, 1", "200000, 1", "200001, 2", "400000, 2", "400001, 3",
            "1000000, 5"})
    void civilSocietyNeedsOneOfEachKindPerStarted200000Inhabitants(int population, int each) {
        assertThat(Criteria.civilSocietyTarget(population)).isEqualTo(each);
    }

    @Test
    void aNegativePopulationIsAMistake() {
        assertThatThrownBy(() -> Criteria.civilSocietyTarget(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyConfirmedBusinessesCountAndEachOnlyOnce() {
        ShopCount count = Criteria.shops(List.of(
                CountedBusiness.of(1, true, EnumSet.of(SaleKind.SHOP), "einzelhandel"),
                // the same business twice (e.g. listed as shop and café): once
                CountedBusiness.of(1, true, EnumSet.of(SaleKind.SHOP), "einzelhandel"),
                CountedBusiness.of(2, false, EnumSet.of(SaleKind.SHOP), "einzelhandel"),
                CountedBusiness.of(3, true, EnumSet.of(SaleKind.CAFE), "lebensmittel"),
                CountedBusiness.of(4, true, EnumSet.noneOf(SaleKind.class), "gastronomie"),
                CountedBusiness.of(5, true, EnumSet.of(SaleKind.FLORIST), "einzelhandel")));
        assertThat(count).isEqualTo(new ShopCount(2, 2));
    }

    @Test
    void aShopWithACafeCountsOnceAsAShop() {
        assertThat(Criteria.shops(List.of(CountedBusiness.of(7, true, EnumSet.of(SaleKind.SHOP, SaleKind.CAFE), "gastronomie"))))
                .isEqualTo(new ShopCount(1, 0));
        assertThat(Criteria.shops(List.of(CountedBusiness.of(8, true, EnumSet.of(SaleKind.CAFE, SaleKind.RESTAURANT), "einzelhandel"))))
                .isEqualTo(new ShopCount(0, 1));
    }

    @Test
    void theBoardSaysPerCriterionWhetherItIsMet() {
        List<Criterion> board = Criteria.board(new Target(2026, 10, 5, 4, true), 117_000, 17,
                EnumSet.allOf(Sector.class), new ShopCount(14, 4),
                Map.of(MemberKind.SCHOOL, 2, MemberKind.CLUB, 1, MemberKind.FAITH, 1, MemberKind.KITA, 3), 4);
        assertThat(board).extracting(Criterion::met).containsExactly(true, true, false, true, true);
        assertThat(board.get(2).measures().get(0).count()).isEqualTo(14);
        assertThat(board.get(2).measures().get(0).percent()).isEqualTo(100);
        assertThat(board.get(2).measures().get(1).percent()).isEqualTo(80);

        // three people, but all from politics; no faith community with an action; 3 of 4 articles
        List<Criterion> weak = Criteria.board(new Target(2026, 10, 5, 4, false), 117_000, 3, Set.of(Sector.POLITICS),
                new ShopCount(10, 5), Map.of(MemberKind.SCHOOL, 1, MemberKind.CLUB, 1), 3);
        assertThat(weak).extracting(Criterion::met).containsExactly(false, false, true, false, false);

        // a town of 450,000 needs three of each
        List<Criterion> city = Criteria.board(new Target(2026, 0, 0, 0, true), 450_000, 3, EnumSet.allOf(Sector.class),
                new ShopCount(0, 0), Map.of(MemberKind.SCHOOL, 3, MemberKind.CLUB, 3, MemberKind.FAITH, 2), 0);
        assertThat(city.get(3).met()).isFalse();
        assertThat(city.get(3).measures()).extracting(m -> m.target()).containsOnly(3);
    }

    @Test
    void withoutTargetsForTheYearTheTargetedCriteriaAreNotMet() {
        List<Criterion> board = Criteria.board(null, 117_000, 3, EnumSet.allOf(Sector.class), new ShopCount(50, 50),
                Map.of(MemberKind.SCHOOL, 1, MemberKind.CLUB, 1, MemberKind.FAITH, 1), 20);
        assertThat(board).extracting(Criterion::met).containsExactly(false, true, false, true, false);
    }
}
