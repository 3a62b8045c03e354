package org.rentrecovery.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A council's identity provider as the workbench meets it, for the test that signs in with OIDC:
 * discovery, a sign-in page, and a token endpoint that checks the PKCE verifier and answers an
 * access token shaped like Keycloak's (user in {@code preferred_username}, roles in
 * {@code realm_access.roles}), signed with the test key. Served under /fake-issuer only when
 * {@value #ENABLED} is true (the OIDC test's profile), so no other test application has it.
 */
@jakarta.enterprise.context.ApplicationScoped
public class FakeIdentityProvider {
    static final String ENABLED = "test.fake-issuer.enabled";
    static final String ISSUER = "https://login.council.test/realms/staff";
    static final String CLIENT = "policy-workbench";
    /** The provider's staff: user name → roles. */
    static final Map<String, List<String>> STAFF = Map.of("olivia.author", List.of("policy-author"),
            "priya.approver", List.of("policy-approver"));

    private record Grant(String user, String redirectUri, String challenge) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    void route(@Observes Router router) {
        if (!ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(false)) {
            return;
        }
        router.get("/fake-issuer/.well-known/openid-configuration").handler(this::discovery);
        router.get("/fake-issuer/authorize").handler(this::signInPage);
        router.post("/fake-issuer/*").handler(BodyHandler.create());
        router.post("/fake-issuer/authorize").handler(this::signedIn);
        router.post("/fake-issuer/token").handler(this::token);
    }

    private static String origin(RoutingContext context) {
        return "http://" + context.request().host();
    }

    private void discovery(RoutingContext context) {
        context.json(new JsonObject().put("issuer", ISSUER)
                .put("authorization_endpoint", origin(context) + "/fake-issuer/authorize")
                .put("token_endpoint", origin(context) + "/fake-issuer/token"));
    }

    private void signInPage(RoutingContext context) {
        var query = context.request();
        if (!CLIENT.equals(query.getParam("client_id")) || !"S256".equals(query.getParam("code_challenge_method"))
                || !"code".equals(query.getParam("response_type"))) {
            context.response().setStatusCode(400).end("unknown client, or not the code flow with PKCE S256");
            return;
        }
        String hidden = List.of("redirect_uri", "state", "code_challenge").stream()
                .map(name -> "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(query.getParam(name)) + "\">")
                .reduce("", String::concat);
        context.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
                <!DOCTYPE html><html lang="en"><head><title>Council staff sign-in</title></head><body><main>
                <h1>Council staff sign-in</h1><form method="post" action="/fake-issuer/authorize">%s
                <label for="username">User name</label> <input id="username" name="username">
                <button id="kc-login" type="submit">Sign in</button></form></main></body></html>""".formatted(hidden));
    }

    private void signedIn(RoutingContext context) {
        var form = context.request();
        String user = form.getFormAttribute("username");
        String redirect = form.getFormAttribute("redirect_uri");
        if (!STAFF.containsKey(user) || redirect == null || !redirect.equals(origin(context) + "/workbench/signin.html")) {
            context.response().setStatusCode(400).end("unknown user or redirect address");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(user, redirect, form.getFormAttribute("code_challenge")));
        context.redirect(redirect + "?code=" + code + "&state=" + java.net.URLEncoder.encode(form.getFormAttribute("state"),
                StandardCharsets.UTF_8));
    }

    private void token(RoutingContext context) {
        var form = context.request();
        Grant grant = grants.remove(String.valueOf(form.getFormAttribute("code")));
        String verifier = form.getFormAttribute("code_verifier");
        if (grant == null || !"authorization_code".equals(form.getFormAttribute("grant_type"))
                || !CLIENT.equals(form.getFormAttribute("client_id")) || !grant.redirectUri().equals(form.getFormAttribute("redirect_uri"))
                || verifier == null || !grant.challenge().equals(s256(verifier))) {
            context.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant").encode());
            return;
        }
        String token = Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString()).claim("preferred_username", grant.user())
                .claim("realm_access", Map.of("roles", STAFF.get(grant.user()))).expiresIn(300).sign(key());
        context.json(new JsonObject().put("access_token", token).put("token_type", "Bearer").put("expires_in", 300));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static PrivateKey key() {
        try (InputStream pem = FakeIdentityProvider.class.getResourceAsStream("/security/token-signing.key.pem")) {
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The test signing key (src/test/resources/security) cannot be read", e);
        }
    }
}
