package org.rentrecovery.workbench;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The KIE DMN editor as a person uses it, inside the frame the standalone editor opens in the
 * page: select a decision in the diagram, press its Edit label, select a cell of its table, press
 * Enter, type, and Tab out (the editor keeps the text when the cell loses focus).
 */
final class KieEditor {
    private static final Duration OPEN = Duration.ofSeconds(90);

    private final WebDriver driver;

    KieEditor(Browser browser) {
        this.driver = browser.driver;
    }

    /** Waits for the editor in the page's {@code container} to show a model and moves into its frame. */
    void enter(String container) {
        driver.switchTo().defaultContent();
        WebElement frame = new WebDriverWait(driver, OPEN).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(container + " iframe")));
        driver.switchTo().frame(frame);
        new WebDriverWait(driver, OPEN).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kie-dmn-editor--decision-node")));
    }

    void leave() {
        driver.switchTo().defaultContent();
    }

    /** Opens the boxed expression (the decision table) of the decision whose element id is given. */
    void openDecision(String decisionElementId) {
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='rf__node-#" + decisionElementId + "']"))).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".kie-dmn-editor--edit-expression-node-panel .pf-v5-c-label"))).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table td.data-cell")));
    }

    /** The text of the cell at a rule's number (as the editor numbers rows) and an input column's name. */
    String cellText(int rule, String inputColumn) {
        return cell(rule, inputColumn).findElement(By.cssSelector(".editable-cell-raw-value")).getAttribute("textContent");
    }

    /** Replaces the text of a cell as a person would: select it, Enter, select all, type, Tab. */
    void replaceCell(int rule, String inputColumn, String text) {
        cell(rule, inputColumn).click();
        new Actions(driver).sendKeys(Keys.ENTER).pause(Duration.ofMillis(400))
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(text).pause(Duration.ofMillis(200)).sendKeys(Keys.TAB).perform();
        wait(Duration.ofSeconds(10)).until(d -> text.equals(cellText(rule, inputColumn)));
    }

    private WebElement cell(int rule, String inputColumn) {
        WebElement table = driver.findElement(By.cssSelector("table"));
        List<WebElement> headers = table.findElements(By.cssSelector("thead tr:first-child th"));
        int column = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().strip().startsWith(inputColumn)) {
                column = i;
                break;
            }
        }
        if (column < 0) {
            throw new IllegalArgumentException("no input column " + inputColumn + " in the open table");
        }
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.cssSelector("td"));
            if (!cells.isEmpty() && cells.get(0).getText().strip().equals(Integer.toString(rule))) {
                return cells.get(column);
            }
        }
        throw new IllegalArgumentException("no rule " + rule + " in the open table");
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
