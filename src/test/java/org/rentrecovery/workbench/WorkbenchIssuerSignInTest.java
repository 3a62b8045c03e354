package org.rentrecovery.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rentrecovery.support.TestIdentity;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Production sign-in: the service trusts an OIDC issuer (here {@link FakeIdentityProvider}, shaped
 * like Keycloak), so the workbench sends staff to the issuer's own sign-in page and back, trades
 * the code for a token with PKCE, and the service names the user and roles from that token's
 * claims. No local user nor password is accepted.
 */
@QuarkusTest
@TestProfile(WorkbenchIssuerSignInTest.IssuerMode.class)
class WorkbenchIssuerSignInTest {
    public static class IssuerMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FakeIdentityProvider.ENABLED, "true",
                    "mp.jwt.verify.issuer", FakeIdentityProvider.ISSUER,
                    "smallrye.jwt.path.groups", "realm_access/roles",
                    "rentrecovery.security.oidc.client-id", FakeIdentityProvider.CLIENT,
                    // The test's provider is served by the test application itself, at a port known only once it runs.
                    "rentrecovery.security.oidc.authorization-server", "/fake-issuer",
                    "rentrecovery.policy.directory", "target/policy-stores/issuer-" + System.currentTimeMillis());
        }
    }

    @TestHTTPResource("/")
    URL base;

    static Browser browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void staffSignInAtTheIssuerAndTheServiceNamesThemFromItsToken() {
        given().header("Authorization", TestIdentity.ANONYMOUS).get("/api/session/sign-in").then().statusCode(200)
                .body("mode", equalTo("ISSUER"), "issuer", equalTo(FakeIdentityProvider.ISSUER),
                        "clientId", equalTo(FakeIdentityProvider.CLIENT), "authorizationServer", equalTo("/fake-issuer"));
        browser = new Browser(base);
        browser.open("/workbench/signin.html?signout=1");
        browser.open("/workbench/");
        browser.waitFor(By.id("signin-issuer"));
        assertThat(browser.driver.findElement(By.id("local-signin")).isDisplayed()).as("no password form in issuer mode").isFalse();
        browser.screenshot("01-sign-in-with-issuer");
        browser.assertAccessible("sign-in with the issuer");

        browser.driver.findElement(By.id("signin-issuer")).click();
        browser.waitFor(By.id("username")).sendKeys("olivia.author");
        browser.driver.findElement(By.id("kc-login")).click();
        assertThat(browser.waitFor(By.id("signed-in-user"), Duration.ofSeconds(30)).getText())
                .contains("olivia.author").contains("policy-author");
        // Back on the page asked for, which the issuer's token opens like any other.
        assertThat(browser.waitFor(By.cssSelector("#live-today a")).getText()).isNotBlank();
        assertThat(browser.driver.getCurrentUrl()).endsWith("/workbench/");
    }

    @Test
    void noLocalUserNorTheLocalSigningKeyIsAcceptedInIssuerMode() {
        given().header("Authorization", TestIdentity.ANONYMOUS).contentType(ContentType.JSON)
                .body("{\"user\": \"author\", \"password\": \"author-pass\"}").post("/api/session")
                .then().statusCode(404).contentType("application/problem+json").body("token", nullValue());
        given().header("Authorization", "Bearer " + TestIdentity.token("author", java.util.List.of("policy-author")))
                .get("/api/policies").then().statusCode(401);
    }
}
