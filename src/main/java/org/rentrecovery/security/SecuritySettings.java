package org.rentrecovery.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code rentrecovery.security.*}: where the local signing key lives and who may sign in locally. */
@ConfigMapping(prefix = "rentrecovery.security")
public interface SecuritySettings {

    /**
     * The issuer name of locally signed tokens. While {@code mp.jwt.verify.issuer} is this name the
     * service runs in local mode (it signs tokens itself); naming an OIDC issuer there switches it off.
     */
    @WithDefault("rentrecovery-local")
    String localIssuer();

    /** Folder of the local signing key pair, made on first start when missing. */
    @WithDefault("data/keys")
    Path keyDirectory();

    /** How long a locally signed token is valid. */
    @WithDefault("8h")
    Duration tokenLifetime();

    /** How verified bearer tokens are remembered between requests ({@link VerifiedTokenCache}). */
    VerifiedTokens verifiedTokens();

    interface VerifiedTokens {
        /** How many verified tokens are kept at most; 0 verifies every request. */
        @WithDefault("1000")
        int size();

        /** How long one verification is trusted at most (never past the token's own expiry). */
        @WithDefault("5m")
        Duration maxHold();
    }

    /** Quick-start users for the workbench's sign-in (local mode only): name → password hash and roles. */
    Map<String, LocalUser> users();

    /** How the workbench signs staff in at the OIDC issuer (issuer mode only). */
    Oidc oidc();

    interface Oidc {
        /**
         * The workbench's client at the issuer: a public client (no secret) allowed the authorization
         * code flow with PKCE, redirecting to {@code /workbench/signin.html}. Without one, staff
         * cannot sign in to the workbench in issuer mode.
         */
        Optional<String> clientId();

        /**
         * Where the browser reads the issuer's {@code .well-known/openid-configuration}; the issuer
         * itself ({@code mp.jwt.verify.issuer}) when not set.
         */
        Optional<String> authorizationServer();

        /** The scopes asked for. */
        @WithDefault("openid")
        String scope();
    }

    interface LocalUser {
        /** BCrypt hash of the password ({@code $2a$...}). */
        String passwordHash();

        List<String> roles();
    }
}
