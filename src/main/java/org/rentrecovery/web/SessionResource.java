package org.rentrecovery.web;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.contract.JsonBody;
import org.rentrecovery.contract.Problem;
import org.rentrecovery.security.AuthenticationMode;
import org.rentrecovery.security.LocalUsers;
import org.rentrecovery.security.SecuritySettings;
import org.rentrecovery.security.TokenIssuer;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sign-in for the browser workbench: a local user's name and password for a token (local mode), and
 * who the presented token names.
 */
@Path("/api/session")
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record SignIn(@Schema(description = "A local user's name") String user,
            @Schema(description = "Their password") String password) {
    }

    public record Session(@Schema(description = "The signed-in user's name") String user,
            @Schema(description = "Their roles") List<String> roles,
            @Schema(description = "Bearer token for the Authorization header (sign-in only)") String token) {
    }

    @Schema(name = "SignInOptions", description = "How the workbench signs a person in")
    public record SignInOptions(
            @Schema(description = "LOCAL: user name and password, POST /api/session (no issuer configured); ISSUER: at the OIDC "
                    + "issuer, authorization code flow with PKCE", enumeration = {"LOCAL", "ISSUER"}) String mode,
            @Schema(description = "The OIDC issuer whose tokens the service trusts (ISSUER mode)") String issuer,
            @Schema(description = "Where the browser reads the issuer's .well-known/openid-configuration (ISSUER mode)")
            String authorizationServer,
            @Schema(description = "The workbench's public client at the issuer (ISSUER mode; absent: none configured)") String clientId,
            @Schema(description = "The scopes the workbench asks for (ISSUER mode)") String scope) {
    }

    private final LocalUsers users;
    private final TokenIssuer issuer;
    private final AuthenticationMode mode;
    private final SecurityIdentity identity;
    private final JsonBody json;
    private final SecuritySettings.Oidc oidc;

    @Inject
    public SessionResource(LocalUsers users, TokenIssuer issuer, AuthenticationMode mode, SecurityIdentity identity,
            JsonBody json, SecuritySettings settings) {
        this.json = json;
        this.oidc = settings.oidc();
        this.users = users;
        this.issuer = issuer;
        this.mode = mode;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in as a local user", description = "Local mode only (no OIDC issuer configured): the quick-start "
            + "users of the README. Answers a bearer token with the user's roles.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "400", description = "user or password missing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Unknown user or wrong password", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Sign-in is with the OIDC issuer, not this service", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignIn.class), examples = @ExampleObject(name = "quick-start author",
                    value = "{\"user\": \"author\", \"password\": \"author-pass\"}")))
    public jakarta.ws.rs.core.Response signIn(byte[] body) {
        SignIn request = json.read(body, SignIn.class);
        if (!mode.isLocal()) {
            return ProblemMappers.problem(Problem.of(404, "/problems/sign-in-elsewhere", "Sign in with the issuer",
                    "This service trusts tokens from its OIDC issuer; local sign-in is off."));
        }
        if (request == null || request.user() == null || request.user().isBlank()) {
            throw new InvalidRequestException("user", "is required");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new InvalidRequestException("password", "is required");
        }
        Optional<List<String>> roles = users.authenticate(request.user(), request.password());
        if (roles.isEmpty()) {
            return ProblemMappers.problem(Problem.of(401, "/problems/sign-in-failed", "Sign-in failed",
                    "The user name or password is not right."));
        }
        return jakarta.ws.rs.core.Response.ok(new Session(request.user(), roles.get(), issuer.issue(request.user(), roles.get())))
                .build();
    }

    @GET
    @Operation(summary = "Who the bearer token names", description = "The user and roles of the token sent.")
    @APIResponse(responseCode = "200", description = "The signed-in user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Session.class)))
    public Session whoAmI() {
        return new Session(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList(), null);
    }

    @GET
    @Path("/sign-in")
    @Operation(summary = "How to sign in", description = "Open to all: local users with a password (local mode), or the OIDC "
            + "issuer's sign-in page, with the workbench's client (issuer mode). No secret is ever answered.")
    @APIResponse(responseCode = "200", description = "The sign-in mode", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignInOptions.class)))
    public SignInOptions signInOptions() {
        if (mode.isLocal()) {
            return new SignInOptions("LOCAL", null, null, null, null);
        }
        return new SignInOptions("ISSUER", mode.issuer(), oidc.authorizationServer().orElse(mode.issuer()),
                oidc.clientId().orElse(null), oidc.scope());
    }
}
