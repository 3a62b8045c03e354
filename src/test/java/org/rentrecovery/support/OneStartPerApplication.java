package org.rentrecovery.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Runs the test classes so that each application the tests need starts once: Quarkus starts again
 * whenever a {@code @QuarkusTest} class needs a different {@code @TestProfile} from the class before
 * it, and a {@code @QuarkusMainTest} class stops the running {@code @QuarkusTest} application (it
 * launches its own per test), so the next {@code @QuarkusTest} would start it again. Order: the
 * plain classes (which need no application) first, in a JVM no application has touched yet (run
 * after the command-line classes, JournalKillTest's handler on the log manager caught no warning),
 * then the {@code @QuarkusTest} classes of the default
 * application, then those of each profile grouped by profile, then the command-line classes.
 * Within a group, by class name, so a run's order does not depend on the file system.
 * <p>
 * Quarkus's own orderer (QuarkusTestProfileAwareClassOrderer) would put the command-line classes
 * among the default application's classes; this one is set in junit-platform.properties.
 */
public class OneStartPerApplication implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(OneStartPerApplication::key));
    }

    static String key(ClassDescriptor test) {
        String name = test.getTestClass().getName();
        if (test.isAnnotated(QuarkusTest.class)) {
            return test.findAnnotation(TestProfile.class)
                    .map(profile -> "2 " + profile.value().getName() + " " + name)
                    .orElse("1 " + name);
        }
        if (test.isAnnotated(QuarkusMainTest.class)) {
            return "3 " + name;
        }
        return "0 " + name;
    }
}
