package org.rentrecovery.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * The quick-start users ({@code rentrecovery.security.users.*}), checked against their BCrypt hashes;
 * in local mode only, so a service that trusts an OIDC issuer signs no one in with a password.
 */
@ApplicationScoped
public class LocalUsers {
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final SecuritySettings settings;
    private final AuthenticationMode mode;

    @Inject
    public LocalUsers(SecuritySettings settings, AuthenticationMode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    /** The user's roles when the password is theirs; empty for an unknown user or a wrong password. */
    public Optional<List<String>> authenticate(String user, String password) {
        SecuritySettings.LocalUser known = user == null ? null : settings.users().get(user);
        if (known == null || password == null || !mode.isLocal()) {
            return Optional.empty();
        }
        try {
            Password hash = ModularCrypt.decode(known.passwordHash());
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(hash), password.toCharArray()) ? Optional.of(known.roles()) : Optional.empty();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The password hash of local user " + user + " is not a BCrypt hash", e);
        }
    }
}
