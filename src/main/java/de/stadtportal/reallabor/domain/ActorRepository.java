package de.stadtportal.reallabor.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActorRepository extends JpaRepository<Actor, Long> {

    List<Actor> findAllByOrderByName();
}
