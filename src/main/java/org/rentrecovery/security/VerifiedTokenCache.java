package org.rentrecovery.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's parser, remembering the tokens it has verified. A case system sends the same token
 * with every request until it expires, and verifying it (an RSA signature and two JSON parses) was
 * about an eighth of a decision's CPU and a third of its allocation.
 *
 * <p>A token is remembered by its exact text, only after the configured verifier accepted it, and
 * only while it is still valid by its own {@code exp}: from the second of {@code exp} on it is
 * verified again, and so refused when the verifier refuses it. A token that fails verification is
 * never remembered, and any change to its text (header, claims or signature) makes it a different
 * key. {@code rentrecovery.security.verified-tokens.max-hold} bounds how long a verification is
 * trusted, so a key the issuer withdraws stops being honoured within that time; {@code size} bounds
 * how many are kept ({@code 0}: verify every request).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    private final JWTParser verifier;
    private final Clock clock;
    private final TokenMemory<JsonWebToken> verified;

    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier, SecuritySettings settings) {
        this(verifier, settings.verifiedTokens().size(), settings.verifiedTokens().maxHold(), Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser verifier, int capacity, Duration maxHold, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = new TokenMemory<>(capacity, maxHold.toSeconds());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        JsonWebToken known = verified.get(token, now);
        if (known != null) {
            return known;
        }
        JsonWebToken accepted = verifier.parse(token);
        verified.remember(token, accepted, accepted.getExpirationTime(), now);
        return accepted;
    }

    /** How many verified tokens are held now (for tests and diagnostics). */
    public int size() {
        return verified.size();
    }

    // The other ways of reading a token name their own key or context: never remembered.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
