package org.rentrecovery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The cache in front of SmallRye JWT's real verifier (the test key pair of src/test/resources/security): a
 * remembered token is answered as the very object verified the first time; anything else is verified again.
 */
class VerifiedTokenCacheTest {
    private static final String ISSUER = "rentrecovery-local";
    private static final Duration MAX_HOLD = Duration.ofMinutes(5);

    private final long now = Instant.now().getEpochSecond();
    private final SettableClock clock = new SettableClock(now);
    private final DefaultJWTParser verifier = new DefaultJWTParser(new JWTAuthContextInfo(publicKey(), ISSUER));
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, MAX_HOLD, clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() throws ParseException {
        String token = token("case-system", now + 3600, privateKey());

        JsonWebToken first = cache.parse(token);

        assertThat(cache.parse(token)).isSameAs(first);
        assertThat(first.getName()).isEqualTo("case-system");
        assertThat(first.getGroups()).containsExactly(Roles.DECISIONS);
    }

    @Test
    void aTokenIsRememberedUntilTheSecondBeforeItsExpiryAndNeverAfter() throws ParseException {
        long expires = now + 120;
        String token = token("case-system", expires, privateKey());
        clock.set(expires - 1);
        JsonWebToken remembered = cache.parse(token);
        assertThat(cache.parse(token)).isSameAs(remembered);

        clock.set(expires);
        JsonWebToken atExpiry = cache.parse(token);
        assertThat(atExpiry).isNotSameAs(remembered);
        assertThat(cache.parse(token)).as("not remembered from its expiry on").isNotSameAs(atExpiry);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aVerificationIsTrustedForAtMostTheMaximumHold() throws ParseException {
        String token = token("case-system", now + 3600, privateKey());
        JsonWebToken first = cache.parse(token);

        clock.set(now + MAX_HOLD.toSeconds() - 1);
        assertThat(cache.parse(token)).isSameAs(first);
        clock.set(now + MAX_HOLD.toSeconds());
        assertThat(cache.parse(token)).isNotSameAs(first);
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeEvenWhenTheGoodOneIsRemembered() throws Exception {
        String good = token("case-system", now + 3600, privateKey());
        cache.parse(good);
        String[] parts = good.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 1;
        String badSignature = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String otherKey = token("case-system", now + 3600, otherPrivateKey());
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String raisedClaims = claims.replace("\"" + Roles.DECISIONS + "\"", "\"" + Roles.ADMIN + "\"");
        assertThat(raisedClaims).isNotEqualTo(claims);
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raisedClaims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        for (String forged : new String[] {badSignature, otherKey, otherClaims}) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
            }
        }
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefusedAndNotRemembered() {
        String expired = token("case-system", now - 3600, privateKey());

        assertThatThrownBy(() -> cache.parse(expired)).isInstanceOf(ParseException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheHoldsAtMostItsSizeAndStillVerifiesTheRest() throws ParseException {
        VerifiedTokenCache small = new VerifiedTokenCache(verifier, 2, MAX_HOLD, clock);
        for (String user : new String[] {"a", "b", "c"}) {
            assertThat(small.parse(token(user, now + 3600, privateKey())).getName()).isEqualTo(user);
        }
        assertThat(small.size()).isEqualTo(2);

        clock.set(now + MAX_HOLD.toSeconds());
        small.parse(token("d", now + 3600, privateKey()));
        assertThat(small.size()).as("the stale ones purged to make room").isEqualTo(1);
    }

    @Test
    void sizeZeroVerifiesEveryRequest() throws ParseException {
        VerifiedTokenCache off = new VerifiedTokenCache(verifier, 0, MAX_HOLD, clock);
        String token = token("case-system", now + 3600, privateKey());

        assertThat(off.parse(token)).isNotSameAs(off.parse(token));
        assertThat(off.size()).isZero();
    }

    private static String token(String user, long expires, PrivateKey key) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(Set.of(Roles.DECISIONS)).issuedAt(expires - 7200)
                .expiresAt(expires).sign(key);
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource("/security/token-signing.key.pem"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey publicKey() {
        try {
            return KeyUtils.decodePublicKey(resource("/security/token-signing.pub.pem"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signing key of its own: a token signed with it was never issued by the service's key. */
    static PrivateKey otherPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream pem = VerifiedTokenCacheTest.class.getResourceAsStream(path)) {
            return new String(pem.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
