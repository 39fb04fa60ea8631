package dev.monocle.platform.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stops the process when Monocle cannot run safely (a missing or weak secret in production, a bad
 * setting). It names what is wrong, never a value, and exits with status 78 (configuration error)
 * so that an orchestrator sees a failed start rather than a server that answers 404.
 */
final class StartupFailure {

  static final int EXIT_CONFIGURATION = 78;
  private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

  private StartupFailure() {}

  static IllegalStateException stop(List<String> problems) {
    String message = "Monocle refuses to start: " + String.join("; ", problems);
    LOG.log(Level.SEVERE, message);
    // Exit from another thread: the deployment thread holds locks that shutdown hooks need.
    Thread exit = new Thread(() -> Runtime.getRuntime().exit(EXIT_CONFIGURATION), "monocle-exit");
    exit.setDaemon(false);
    exit.start();
    return new IllegalStateException(message);
  }
}
