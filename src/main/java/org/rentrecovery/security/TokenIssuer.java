package org.rentrecovery.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;

/** Signs tokens with the local key (local mode only: with an OIDC issuer, the issuer signs). */
@ApplicationScoped
public class TokenIssuer {
    private final SecuritySettings settings;
    private final AuthenticationMode mode;

    @Inject
    public TokenIssuer(SecuritySettings settings, AuthenticationMode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    /** A signed token naming the user ({@code upn}) and their roles ({@code groups}). */
    public String issue(String user, List<String> roles) {
        if (!mode.isLocal()) {
            throw new IllegalStateException("Tokens come from the issuer " + mode.issuer() + ", not from this service");
        }
        SigningKeys.ensure(settings.keyDirectory());
        Set<String> groups = new LinkedHashSet<>(roles);
        return Jwt.issuer(settings.localIssuer()).upn(user).subject(user).groups(groups)
                .expiresIn(settings.tokenLifetime()).sign(SigningKeys.privateKey(settings.keyDirectory()));
    }
}
