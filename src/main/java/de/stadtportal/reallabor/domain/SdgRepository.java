package de.stadtportal.reallabor.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SdgRepository extends JpaRepository<Sdg, Short> {

    List<Sdg> findAllByOrderByNumber();
}
