package org.rentrecovery.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

import org.rentrecovery.security.Roles;
import org.rentrecovery.security.VerifiedTokenCache;
import org.rentrecovery.support.TestIdentity;

/**
 * The service checks bearer tokens through {@link VerifiedTokenCache}: a token sent again is answered from it,
 * and the same header and signature over other claims is still refused after the genuine token was remembered.
 */
@QuarkusTest
class VerifiedTokensTest {
    @Inject
    JWTParser parser;

    @Test
    void shouldRememberAGenuineTokenAndStillRefuseItsForgery() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(VerifiedTokenCache.class);
        VerifiedTokenCache cache = (VerifiedTokenCache) ClientProxy.unwrap(parser);
        String genuine = TestIdentity.token("case-system", List.of(Roles.DECISIONS));
        int before = cache.size();

        for (int request = 0; request < 3; request++) {
            given().header("Authorization", "Bearer " + genuine).get("/api/session").then().statusCode(200)
                    .body("user", equalTo("case-system"));
        }
        assertThat(cache.size()).isEqualTo(before + 1);

        String[] parts = genuine.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + Roles.DECISIONS + "\"", "\"" + Roles.ADMIN + "\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        for (int request = 0; request < 2; request++) {
            given().header("Authorization", "Bearer " + forged).get("/api/session").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        assertThat(cache.size()).isEqualTo(before + 1);
    }
}
