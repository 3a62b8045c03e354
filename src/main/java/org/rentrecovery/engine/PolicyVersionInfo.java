package org.rentrecovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rentrecovery.contract.PolicyVersion;

/** The deployed policy version and the build it came from, stamped on every answer. */
@ApplicationScoped
public class PolicyVersionInfo {
    private final PolicyVersion version;

    public PolicyVersionInfo(@ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.version = new PolicyVersion(version, buildId());
    }

    public PolicyVersion current() {
        return version;
    }

    static String buildId() {
        try (InputStream in = PolicyVersionInfo.class.getResourceAsStream("/git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties git = new Properties();
            git.load(in);
            String commit = git.getProperty("git.commit.id.abbrev", "unknown");
            return "true".equals(git.getProperty("git.dirty")) ? commit + "-dirty" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
