package de.stadtportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StadtportalApplication {

    public static void main(String[] args) {
        SpringApplication.run(StadtportalApplication.class, args);
    }
}
