package org.rentrecovery.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.smallrye.jwt.util.KeyUtils;

/** {@code token --role ROLE [--user NAME]}: a token signed with the configured key, naming the user and roles. */
@QuarkusMainTest
class TokenCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String token(LaunchResult result) {
        List<String> tokens = result.getOutputStream().stream().filter(line -> line.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+")).toList();
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    private static JsonNode verifiedClaims(String token) throws Exception {
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyUtils.decodePublicKey(new String(
                TokenCommandLineTest.class.getResourceAsStream("/security/token-signing.pub.pem").readAllBytes(), StandardCharsets.US_ASCII)));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the configured key").isTrue();
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void printsATokenForTheRoleNamingLocalRoleAsTheUser(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("token", "--role", "decisions");
        assertThat(result.exitCode()).isZero();
        JsonNode claims = verifiedClaims(token(result));
        assertThat(claims.path("upn").asText()).isEqualTo("local-decisions");
        assertThat(claims.path("iss").asText()).isEqualTo("rentrecovery-local");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"decisions\"]");
        assertThat(claims.path("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void namesTheUserAndEveryRoleAsked(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("token", "--role", "policy-author", "--role", "tester", "--user", "alice");
        assertThat(result.exitCode()).isZero();
        JsonNode claims = verifiedClaims(token(result));
        assertThat(claims.path("upn").asText()).isEqualTo("alice");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"policy-author\",\"tester\"]");
    }

    @Test
    void refusesAnUnknownRoleOrNoRole(QuarkusMainLauncher launcher) {
        LaunchResult unknown = launcher.launch("token", "--role", "superuser");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("unknown role superuser");
        assertThat(launcher.launch("token").exitCode()).isEqualTo(2);
    }
}
