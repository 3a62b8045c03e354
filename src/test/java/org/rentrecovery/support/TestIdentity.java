package org.rentrecovery.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import org.rentrecovery.security.Roles;

/**
 * Gives every test's RestAssured requests a real identity (registered for all tests through
 * META-INF/services and junit-platform.properties, and for @QuarkusTest classes as Quarkus' callback): a bearer token signed with the test key pair
 * that %test configures, verified by the service like any other. A request names
 * <ul>
 * <li>nothing: user {@value #DEFAULT_USER} with every role;</li>
 * <li>{@link #USER_HEADER}: that user with every role (how the policy tests act as two people);</li>
 * <li>{@code Authorization: }{@link #ANONYMOUS}: no token at all;</li>
 * <li>its own {@code Authorization}: sent as it is.</li>
 * </ul>
 */
public class TestIdentity implements BeforeAllCallback, BeforeEachCallback, QuarkusTestBeforeEachCallback {
    public static final String DEFAULT_USER = "test-user";
    /** Names the user a test acts as: the filter turns it into a token for that user and removes it. */
    public static final String USER_HEADER = org.rentrecovery.policy.ActingUser.HEADER;
    public static final String ANONYMOUS = "anonymous";
    private static final String ISSUER = "rentrecovery-local";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static PrivateKey key;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
    }

    /**
     * A @QuarkusTest runs in Quarkus' own class loader, with its own copy of RestAssured: Quarkus calls this
     * there (META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback).
     */
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /**
     * A global filter rather than a default request specification: a specification built here would fix
     * the port before Quarkus has set the test's own.
     */
    private static void install() {
        if (RestAssured.filters().stream().noneMatch(BearerFilter.class::isInstance)) {
            RestAssured.filters(new BearerFilter());
        }
    }

    /** A token for {@code user} with {@code roles}, signed with the test key. */
    public static String token(String user, List<String> roles) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(Set.copyOf(roles)).expiresIn(3600).sign(key());
    }

    /** {@code Bearer ...} for the default test user with every role (for clients other than RestAssured). */
    public static String bearer() {
        return "Bearer " + TOKENS.computeIfAbsent(DEFAULT_USER, user -> token(user, Roles.ALL));
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            try (InputStream pem = TestIdentity.class.getResourceAsStream("/security/token-signing.key.pem")) {
                key = KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("The test signing key (src/test/resources/security) cannot be read", e);
            }
        }
        return key;
    }

    static final class BearerFilter implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            String authorization = request.getHeaders().getValue("Authorization");
            String user = request.getHeaders().getValue(USER_HEADER);
            request.removeHeader(USER_HEADER);
            if (ANONYMOUS.equals(authorization)) {
                request.removeHeader("Authorization");
            } else if (authorization == null) {
                String name = user == null ? DEFAULT_USER : user;
                request.header("Authorization", "Bearer " + TOKENS.computeIfAbsent(name, n -> token(n, Roles.ALL)));
            }
            return context.next(request, response);
        }
    }
}
