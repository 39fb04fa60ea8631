package dev.monocle.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at 1280x800, offline (no Selenium
 * Manager download), with screenshots of the pages it visits under {@code target/console-screens}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENS = Path.of("target", "console-screens");

  private final ChromeDriver driver;
  private final String base;

  Browser(String base) {
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 800));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // the console's cookie is Secure: Chromium keeps Secure cookies over plain HTTP only for
    // localhost (a potentially trustworthy origin), so the browser goes there, whatever address
    // the container reports
    this.base = base.replaceAll("/+$", "").replaceFirst("^http://[^/:]+", "http://localhost");
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** The path of the current page (without host, with query). */
  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks and waits for the page the click leads to. */
  void click(String css) {
    WebElement element = find(css);
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> isGone(element));
  }

  /**
   * Whether the element left the document. Selenium's {@code stalenessOf} expects a stale-element
   * error, but ChromeDriver answers "Node with given id does not belong to the document" when the
   * probe races the navigation, which {@code stalenessOf} rethrows.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  String heading() {
    return find("h1").getText();
  }

  String text() {
    return find("body").getText();
  }

  /** A full-window screenshot as {@code target/console-screens/<name>.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENS);
      Files.write(SCREENS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
