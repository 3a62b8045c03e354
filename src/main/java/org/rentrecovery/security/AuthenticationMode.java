package org.rentrecovery.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Local mode (no issuer configured: the service signs its own tokens with a key under data/) or
 * issuer mode (tokens from an OIDC issuer, verified with its published keys). Says which at start,
 * and in local mode makes the key pair before the first request can be checked against it.
 */
@ApplicationScoped
public class AuthenticationMode {
    private static final Logger LOG = Logger.getLogger(AuthenticationMode.class);

    private final SecuritySettings settings;
    private final String issuer;
    private final String keyLocation;

    @Inject
    public AuthenticationMode(SecuritySettings settings, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        this.settings = settings;
        this.issuer = issuer;
        this.keyLocation = keyLocation;
    }

    public boolean isLocal() {
        return settings.localIssuer().equals(issuer);
    }

    public String issuer() {
        return issuer;
    }

    void onStart(@Observes StartupEvent start) {
        if (isLocal()) {
            boolean made = SigningKeys.ensure(settings.keyDirectory());
            LOG.infof("Authentication: LOCAL mode: bearer tokens signed by this service's own key in %s (%s); "
                    + "mint one with 'java -jar target/quarkus-app/quarkus-run.jar token --role ROLE'. In production set "
                    + "mp.jwt.verify.issuer and mp.jwt.verify.publickey.location to an OIDC issuer.",
                    settings.keyDirectory(), made ? "made now" : "kept from an earlier start");
        } else {
            LOG.infof("Authentication: ISSUER mode: bearer tokens from %s, verified with the keys at %s", issuer, keyLocation);
        }
    }
}
