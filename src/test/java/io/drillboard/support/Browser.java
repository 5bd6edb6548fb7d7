package io.drillboard.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium. Tests that need it are skipped, with the reason, where Chromium or
 * its driver is not installed (.ci/run installs both).
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  /** The window's frame (the part of its height that is not the page), to size the page itself. */
  private final int frameHeight;

  private Browser(ChromeDriver driver, Path profile, int frameHeight) {
    this.driver = driver;
    this.profile = profile;
    this.frameHeight = frameHeight;
  }

  /** A 1920x1080 headless Chromium, or the test is skipped when none is installed. */
  public static Browser open() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipping browser test: Debian's chromium and chromium-driver are not installed "
            + "(apt-get install chromium chromium-driver)");
    try {
      Path profile = Files.createTempDirectory("drillboard-chromium");
      ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
          "--window-size=1920,1080", "--hide-scrollbars", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      long frame = (Long) driver.executeScript("return window.outerHeight - window.innerHeight;");
      Browser browser = new Browser(driver, profile, (int) frame);
      browser.resize(1920, 1080);
      return browser;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the page itself width x height (a wall screen's size), whatever the window's frame takes. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height + frameHeight));
  }

  /**
   * From the next page on, counts the page's connection attempts: {@code window.connections} holds
   * {webSockets, fetches, sockets}, the last being the WebSockets themselves.
   */
  public void countConnections() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
        window.connections = { webSockets: 0, fetches: 0, sockets: [] };
        const OriginalWebSocket = window.WebSocket;
        window.WebSocket = function (...args) {
          window.connections.webSockets += 1;
          const socket = new OriginalWebSocket(...args);
          window.connections.sockets.push(socket);
          return socket;
        };
        window.WebSocket.prototype = OriginalWebSocket.prototype;
        Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        const originalFetch = window.fetch;
        window.fetch = (...args) => {
          window.connections.fetches += 1;
          return originalFetch(...args);
        };
        """));
  }

  /** Takes the browser's network away (new connections fail at once) or gives it back. */
  public void online(boolean online) {
    driver.executeCdpCommand("Network.enable", java.util.Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", !online, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** Lays the page out for {@code media} ("print" or "screen"), as printing it would; "" ends the emulation. */
  public void emulateMedia(String media) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", media));
  }

  public void get(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public java.util.List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * Waits up to {@code seconds} for the condition to hold (a non-null, non-false value). A live page re-renders as
   * frames arrive, so an element found by the condition may be replaced before it is read: that counts as not yet.
   */
  public <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  /**
   * The rendered text of the first element matching {@code css}, found and read in one step: a live page may replace
   * the element between a find and a read.
   */
  public String text(String css) {
    Object text = driver.executeScript(
        "const e = document.querySelector(arguments[0]); return e === null ? null : e.innerText;", css);
    if (text == null) {
      throw new NoSuchElementException("no element matches " + css);
    }
    return (String) text;
  }

  /** Runs {@code javascript}, whose last argument is a callback that it calls with its result, and waits for it. */
  public Object scriptAsync(String javascript, Object... arguments) {
    return driver.executeAsyncScript(javascript, arguments);
  }

  public Object script(String javascript, Object... arguments) {
    return driver.executeScript(javascript, arguments);
  }

  /** Saves a PNG of the window under target/screenshots/. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's address as the address bar shows it. */
  public String url() {
    return driver.getCurrentUrl();
  }

  /** Moves to the tab opened last (a link with target=_blank), once it is there. */
  public void switchToNewestTab(int tabs) {
    await(10, d -> d.getWindowHandles().size() == tabs);
    java.util.List<String> handles = new java.util.ArrayList<>(driver.getWindowHandles());
    driver.switchTo().window(handles.get(handles.size() - 1));
  }

  /** Prints the current page to PDF with Chromium's own print (as "Save as PDF" would) and returns its bytes. */
  public byte[] printToPdf() {
    String base64 = ((org.openqa.selenium.PrintsPage) driver).print(new org.openqa.selenium.print.PrintOptions())
        .getContent();
    return java.util.Base64.getDecoder().decode(base64);
  }

  @Override
  public void close() {
    driver.quit();
    TestDatabase.deleteRecursively(profile);
  }
}
