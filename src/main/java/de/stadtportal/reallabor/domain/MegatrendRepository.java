package de.stadtportal.reallabor.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MegatrendRepository extends JpaRepository<Megatrend, Long> {

    List<Megatrend> findAllByOrderByName();
}
