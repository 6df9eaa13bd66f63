package de.stadtportal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Until accounts are stored in the database there is deliberately no account at all: the staff
 * area stays closed, and Spring Boot does not create its default user with a generated password.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    UserDetailsService userDetailsService() {
        return new InMemoryUserDetailsManager();
    }
}
