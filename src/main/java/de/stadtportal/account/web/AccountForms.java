package de.stadtportal.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account forms. Password rules live in PasswordPolicy, so they are the same everywhere. */
final class AccountForms {

    private AccountForms() {
    }

    record SignUpForm(
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email,
            String password,
            String passwordRepeat) {
    }

    record EmailForm(
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String email) {
    }

    record NewPasswordForm(String token, String password, String passwordRepeat) {
    }

    record ChangePasswordForm(String currentPassword, String password, String passwordRepeat) {
    }

    record ChangeEmailForm(
            String currentPassword,
            @NotBlank(message = "{platform.validation.required}") @Email(message = "{platform.validation.email}")
            @Size(max = 320, message = "{platform.validation.tooLong}") String newEmail) {
    }

    record DeleteForm(String currentPassword) {
    }
}
