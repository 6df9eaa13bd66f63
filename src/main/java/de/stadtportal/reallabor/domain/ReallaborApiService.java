package de.stadtportal.reallabor.domain;

import java.util.List;
import java.util.Optional;

import de.stadtportal.reallabor.ReallaborApi;
import org.springframework.stereotype.Service;

/** {@link ReallaborApi}: delegates to the views built once per data version ({@link ReallaborViews}). */
@Service
class ReallaborApiService implements ReallaborApi {

    private final ReallaborViews views;

    ReallaborApiService(ReallaborViews views) {
        this.views = views;
    }

    @Override
    public List<ReallaborOverview> overview() {
        return views.overview();
    }

    @Override
    public Optional<ReallaborDetail> find(String slug) {
        return views.find(slug);
    }
}
