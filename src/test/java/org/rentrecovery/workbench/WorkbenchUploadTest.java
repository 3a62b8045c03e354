package org.rentrecovery.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rentrecovery.support.LandlordCodes;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A landlord's own action code added from the browser: the vocabulary, the category table and the ladder chosen
 * together on the draft's page are checked as one set and saved; the vocabulary alone is refused, naming the code
 * without a category, and nothing is saved.
 */
@QuarkusTest
@TestProfile(WorkbenchUploadTest.OwnStore.class)
class WorkbenchUploadTest {
    /** A store of its own, so the drafts made here are not in the journey's. */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rentrecovery.policy.directory", "target/policy-stores/workbench-upload-" + System.currentTimeMillis());
        }
    }

    private static final Duration SLOW = Duration.ofSeconds(90);

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
    void ownCodesAreUploadedTogetherFromTheDraftsPage() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "workbench-upload"));
        Map<String, byte[]> files = LandlordCodes.withLandlordCodes(LandlordCodes.BOTH_DECLARED);
        // And a rung of the council's own that routing does not name: the warning it brings is shown once saved.
        LandlordCodes.edit(files, LandlordCodes.VOCABULARY, xml -> LandlordCodes.allowing(xml, "tEscalationStep", "\"HEARING_LISTED\"", "\"MONITOR\""));
        LandlordCodes.edit(files, LandlordCodes.LADDER, xml -> xml.change("EscalationStep-row-10-step", "\"CLAIM_ISSUED\"", "\"HEARING_LISTED\""));
        List<String> changed = List.of(LandlordCodes.VOCABULARY, LandlordCodes.CATALOGUE, LandlordCodes.LADDER);
        for (String path : changed) {
            Files.write(folder.resolve(Path.of(path).getFileName()), files.get(path));
        }
        String liveId = given().get("/api/policies").then().statusCode(200).extract().path("inForceToday");
        browser = new Browser(base);
        browser.open("/workbench/signin.html?signout=1");
        browser.waitFor(By.id("signin-form"));
        browser.signIn("author", "author-pass");
        browser.waitFor(By.cssSelector("#live-today a"));
        browser.open("/workbench/version.html?id=" + liveId);
        browser.waitFor(By.id("change-note")).sendKeys("Our own demand email and failed-letter review");
        browser.driver.findElement(By.id("create-draft")).click();
        browser.waitUntil(d -> !d.getCurrentUrl().endsWith("id=" + liveId), Duration.ofSeconds(20));
        String draftId = browser.driver.getCurrentUrl().replaceAll(".*id=", "");

        browser.waitFor(By.id("model-files")).sendKeys(absolute(folder, LandlordCodes.VOCABULARY));
        browser.driver.findElement(By.id("upload-models")).click();
        String refusal = browser.waitFor(By.cssSelector("#problems .govuk-error-summary"), SLOW).getText();
        assertThat(refusal).contains("ACTION_WITHOUT_CATEGORY").doesNotContain("WARNING");
        browser.screenshot("upload-refused");

        browser.driver.navigate().refresh();
        browser.waitFor(By.id("model-files")).sendKeys(String.join("\n", changed.stream().map(p -> absolute(folder, p)).toList()));
        browser.driver.findElement(By.id("upload-models")).click();
        assertThat(browser.waitFor(By.cssSelector("#notice .govuk-notification-banner"), SLOW).getText())
                .contains("vocabulary.dmn", "landlord-actions.dmn", "escalation/escalation-ladder.dmn");
        // Only what this draft brought, not the warnings every version inherits from its parent.
        assertThat(browser.waitFor(By.id("new-warnings"), SLOW).getText()).contains("this draft brought", "HEARING_LISTED",
                "VALUE_NOT_NAMED_DOWNSTREAM").doesNotContain("Gap analysis skipped");
        browser.screenshot("upload-saved");
        browser.assertAccessible("version");
        for (String path : changed) {
            byte[] stored = given().get("/api/policies/{id}/models/" + path, draftId).then().statusCode(200).extract().asByteArray();
            assertThat(stored).as(path).isEqualTo(files.get(path));
        }
    }

    private static String absolute(Path folder, String path) {
        return folder.resolve(Path.of(path).getFileName()).toAbsolutePath().toString();
    }
}
