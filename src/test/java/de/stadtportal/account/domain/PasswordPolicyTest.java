package de.stadtportal.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15: the common-password check knows the 10,000 most common and sees through digits and symbols around them. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"Sommer2026!!", "123456789abc", "starwars2026!", "Passwort12345", "iloveyou12345", "1qaz2wsx3edc",
            "!!!football2024!!!"})
    void commonPasswordsAreRefusedEvenWithDigitsAndSymbolsAround(String password) {
        assertThat(policy.violation(password, "anna@bottrop.example")).as(password).contains("account.password.common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Malakofftürme über Bottrop", "Bottroper Hütte 1894 Kohle", "8f$2kLq!9xZ#wR", "Tetraeder im Nebel 7"})
    void longOwnPassphrasesPass(String password) {
        assertThat(policy.violation(password, "anna@bottrop.example")).as(password).isEmpty();
    }
}
