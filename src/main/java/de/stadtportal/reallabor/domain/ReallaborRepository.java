package de.stadtportal.reallabor.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReallaborRepository extends JpaRepository<Reallabor, Long> {

    List<Reallabor> findAllByOrderByPosition();

    Optional<Reallabor> findBySlug(String slug);
}
