package org.rentrecovery.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rentrecovery.support.TestIdentity;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The workbench is served by the service itself, and a visitor who has not signed in is asked to. */
@QuarkusTest
class WorkbenchSignInTest {
    @TestHTTPResource("/")
    URL base;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = null;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base);
        }
        return browser;
    }

    @Test
    void theBareAddressLeadsToTheWorkbenchAndItsBundledAssetsAreServed() {
        given().redirects().follow(false).when().get("/workbench")
                .then().statusCode(302).header("Location", endsWith("/workbench/"));
        given().when().get("/workbench/").then().statusCode(200).body(containsString("Policy versions"));
        given().when().get("/workbench/css/workbench.css").then().statusCode(200).body(containsString("govuk-"));
        // The KIE DMN editor is bundled at build time: nothing is fetched from the internet at run time.
        given().when().get("/workbench/vendor/dmn-editor/index.js").then().statusCode(200).body(containsString("DmnEditor"));
    }

    @Test
    void withoutAnIssuerTheSignInPageAsksForALocalUsersPasswordAndNamesNoClient() {
        given().header("Authorization", TestIdentity.ANONYMOUS).when().get("/api/session/sign-in")
                .then().statusCode(200).body("mode", org.hamcrest.Matchers.equalTo("LOCAL"),
                        "issuer", org.hamcrest.Matchers.nullValue(), "clientId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aVisitorWhoHasNotSignedInIsAskedToSignInOnAnAccessiblePage() {
        Browser chromium = browser();
        chromium.open("/workbench/signin.html?signout=1");
        chromium.waitFor(By.id("signin-form"));
        chromium.open("/workbench/");
        chromium.waitUntil(d -> d.getCurrentUrl().contains("/workbench/signin.html?next="), java.time.Duration.ofSeconds(20));
        chromium.waitFor(By.id("signin-form"));
        assertThat(chromium.driver.getCurrentUrl()).contains("/workbench/signin.html?next=");
        assertThat(chromium.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the policy workbench");
        chromium.screenshot("01-sign-in");
        chromium.assertAccessible("sign-in");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneGivesTheServicesTokenWithTheUsersRoles() {
        Browser chromium = browser();
        chromium.open("/workbench/signin.html?signout=1");
        chromium.waitFor(By.id("user")).sendKeys("approver");
        chromium.driver.findElement(By.id("password")).sendKeys("author-pass");
        chromium.driver.findElement(By.id("signin")).click();
        assertThat(chromium.waitFor(By.cssSelector(".govuk-error-summary")).getText()).contains("The user name or password is not right");
        chromium.assertAccessible("sign-in refused");

        chromium.signIn("approver", "approver-pass");
        assertThat(chromium.driver.findElement(By.id("signed-in-user")).getText()).contains("approver").contains("policy-approver");
        String token = (String) chromium.script("return JSON.parse(sessionStorage.getItem('rentrecovery.workbench.session')).token");
        given().header("Authorization", "Bearer " + token).when().get("/api/session")
                .then().statusCode(200).body("user", org.hamcrest.Matchers.equalTo("approver"),
                        "roles", org.hamcrest.Matchers.hasItem("policy-approver"));
    }
}
