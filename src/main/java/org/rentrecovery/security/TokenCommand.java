package org.rentrecovery.security;

import java.io.PrintStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.rentrecovery.cli.Command;

/**
 * {@code token --role ROLE [--role ROLE...] [--user NAME]}: prints a token signed with the local key,
 * and nothing else, so that {@code $(java -jar quarkus-run.jar token --role decisions)} is a bearer token.
 */
@ApplicationScoped
public class TokenCommand implements Command {
    static final String USAGE = "token --role " + String.join("|", Roles.ALL) + " [--role ...] [--user NAME]";

    private final TokenIssuer issuer;
    private final AuthenticationMode mode;

    @Inject
    public TokenCommand(TokenIssuer issuer, AuthenticationMode mode) {
        this.issuer = issuer;
        this.mode = mode;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> roles = new java.util.ArrayList<>();
        String user = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--role") || arg.equals("--user")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (arg.equals("--user")) {
                    user = value;
                } else if (Roles.ALL.contains(value)) {
                    roles.add(value);
                } else {
                    err.println("unknown role " + value + "; roles are " + String.join(", ", Roles.ALL));
                    return 2;
                }
            } else {
                err.println("usage: " + USAGE);
                return 2;
            }
        }
        if (roles.isEmpty() || (user != null && !user.matches("[A-Za-z0-9._@-]{1,100}"))) {
            err.println("usage: " + USAGE + " (a user name is 1 to 100 letters, digits or . _ @ -)");
            return 2;
        }
        if (!mode.isLocal()) {
            err.println("This service trusts tokens from " + mode.issuer() + ": get a token there.");
            return 1;
        }
        out.println(issuer.issue(user == null ? "local-" + roles.get(0) : user, roles));
        return 0;
    }
}
