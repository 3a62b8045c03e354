package org.rentrecovery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.vertx.ext.web.RoutingContext;

/**
 * Identities remembered per Authorization header: only the identity built from that very header's token, only while
 * its verification would be trusted (the token's expiry, the maximum hold), each request given its own copy.
 */
class AuthenticatedIdentitiesTest {
    private static final Duration MAX_HOLD = Duration.ofMinutes(5);
    private static final PrivateKey KEY = VerifiedTokenCacheTest.otherPrivateKey();

    private final long now = Instant.now().getEpochSecond();
    private final SettableClock clock = new SettableClock(now);
    private final AuthenticatedIdentities identities = new AuthenticatedIdentities(100, MAX_HOLD, clock);

    @Test
    void aHeaderAcceptedBeforeIsAnsweredWithItsIdentityCarryingTheNewRequest() throws ParseException {
        String token = token("case-system", now + 3600);
        identities.remember("Bearer " + token, identity(token, request()));
        RoutingContext second = request();

        SecurityIdentity again = identities.find("Bearer " + token, second);

        assertThat(again.getPrincipal().getName()).isEqualTo("case-system");
        assertThat(again.getRoles()).containsExactly(Roles.DECISIONS);
        assertThat(again.getCredential(TokenCredential.class).getToken()).isEqualTo(token);
        assertThat((Object) again.getAttribute(RoutingContext.class.getName())).isSameAs(second);
        assertThat(identities.find("Bearer " + token("other", now + 3600), second)).isNull();
        assertThat(identities.find(null, second)).isNull();
    }

    @Test
    void anIdentityIsNotRememberedForAHeaderCarryingAnotherToken() throws ParseException {
        String token = token("case-system", now + 3600);
        String other = token("other", now + 3600);

        identities.remember("Bearer " + other, identity(token, request()));
        identities.remember("bearer " + token, identity(token, request()));
        identities.remember(null, identity(token, request()));

        assertThat(identities.size()).isZero();
        assertThat(identities.find("Bearer " + other, request())).isNull();
    }

    @Test
    void anIdentityIsHeldUntilItsTokenExpiresAndForAtMostTheMaximumHold() throws ParseException {
        long expires = now + 120;
        String shortLived = token("case-system", expires);
        String longLived = token("other", now + 3600);
        identities.remember("Bearer " + shortLived, identity(shortLived, request()));
        identities.remember("Bearer " + longLived, identity(longLived, request()));

        clock.set(expires - 1);
        assertThat(identities.find("Bearer " + shortLived, request())).isNotNull();
        clock.set(expires);
        assertThat(identities.find("Bearer " + shortLived, request())).isNull();
        clock.set(now + MAX_HOLD.toSeconds() - 1);
        assertThat(identities.find("Bearer " + longLived, request())).isNotNull();
        clock.set(now + MAX_HOLD.toSeconds());
        assertThat(identities.find("Bearer " + longLived, request())).isNull();
    }

    @Test
    void aRememberedIdentityDoesNotKeepTheRequestItWasBuiltFor() throws ParseException {
        String token = token("case-system", now + 3600);
        SecurityIdentity built = QuarkusSecurityIdentity.builder(identity(token, request())).addAttribute("issuer-note", "kept").build();

        identities.remember("Bearer " + token, built);
        SecurityIdentity held = identities.remembered("Bearer " + token);

        assertThat(held.getAttributes()).doesNotContainKey(RoutingContext.class.getName()).containsEntry("issuer-note", "kept");
        assertThat(held.getPrincipal()).isSameAs(built.getPrincipal());
        assertThat(held.getRoles()).containsExactly(Roles.DECISIONS);
        assertThat(held.getCredentials()).isEqualTo(built.getCredentials());
        assertThat(held.isAnonymous()).isFalse();
    }

    @Test
    void sizeZeroRemembersNothing() throws ParseException {
        AuthenticatedIdentities off = new AuthenticatedIdentities(0, MAX_HOLD, clock);
        String token = token("case-system", now + 3600);

        off.remember("Bearer " + token, identity(token, request()));

        assertThat(off.find("Bearer " + token, request())).isNull();
        assertThat(off.size()).isZero();
    }

    private static SecurityIdentity identity(String token, RoutingContext request) throws ParseException {
        JsonWebToken principal = new DefaultJWTParser().parseOnly(token);
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addCredential(new TokenCredential(token, "bearer"))
                .addRoles(principal.getGroups()).addAttribute(RoutingContext.class.getName(), request).build();
    }

    private static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(), new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> method.getName().equals("hashCode") ? System.identityHashCode(proxy) : null);
    }

    private static String token(String user, long expires) {
        return Jwt.issuer("rentrecovery-local").upn(user).subject(user).groups(Set.of(Roles.DECISIONS)).issuedAt(expires - 7200)
                .expiresAt(expires).sign(KEY);
    }

}
