package org.rentrecovery.workbench;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
        // The diagram, or the table a person left open.
        new WebDriverWait(driver, OPEN).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".kie-dmn-editor--decision-node, table td.data-cell")));
    }

    void leave() {
        driver.switchTo().defaultContent();
    }

    /** Opens the boxed expression (the decision table) of the decision whose element id is given. */
    void openDecision(String decisionElementId) {
        By node = By.cssSelector("[data-testid='rf__node-#" + decisionElementId + "']");
        // The diagram draws only the nodes in view, and the editor's auto-layout spreads a ladder's inputs
        // wider than the window: fit the diagram to the view first, as an officer would.
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".react-flow__node")));
        if (driver.findElements(node).isEmpty()) {
            wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".react-flow__controls-fitview"))).click();
        }
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(node)).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".kie-dmn-editor--edit-expression-node-panel .pf-v5-c-label"))).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table td.data-cell")));
    }

    /** The text of the cell at a rule's number (as the editor numbers rows) and a column's name. */
    String cellText(int rule, String column) {
        return cell(rule, column).findElement(By.cssSelector(".editable-cell-raw-value")).getAttribute("textContent");
    }

    /** Replaces the text of a cell as a person would: select it, Enter, select all, type, Tab. */
    void replaceCell(int rule, String column, String text) {
        cell(rule, column).click();
        new Actions(driver).sendKeys(Keys.ENTER).pause(Duration.ofMillis(400))
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(text).pause(Duration.ofMillis(200)).sendKeys(Keys.TAB).perform();
        wait(Duration.ofSeconds(10)).until(d -> text.equals(cellText(rule, column)));
    }

    /**
     * The cell of a rule in a column named by its header (input, output or annotation). The leaf
     * headers (an output group spans its outputs) in their order on screen give the column's index.
     */
    private WebElement cell(int rule, String column) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                const [rule, column] = arguments;
                const table = document.querySelector('table');
                const leaves = Array.from(table.querySelectorAll('thead th.data-header-cell')).filter(th => th.colSpan === 1)
                    .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
                const index = leaves.findIndex(th => th.innerText.trim().split('\\n')[0].trim() === column);
                const row = Array.from(table.querySelectorAll('tbody tr')).find(r => r.cells[0].innerText.trim() === String(rule));
                return index < 0 || !row ? null : row.cells[index + 1];
                """, rule, column);
        if (!(found instanceof WebElement cell)) {
            throw new IllegalArgumentException("no cell at rule " + rule + ", column " + column + " in the open table");
        }
        return cell;
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
