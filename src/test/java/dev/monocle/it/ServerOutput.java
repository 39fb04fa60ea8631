package dev.monocle.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A copy of everything printed to this JVM's stdout from now on: Arquillian's Payara Micro
 * connector forwards the server's output there, so a test can search the server's log lines.
 */
final class ServerOutput {

  private static ServerOutput installed;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private ServerOutput() {}

  /**
   * Starts copying (once per JVM). Called when the test session opens, before any container starts:
   * the connector keeps the stdout it finds when it first loads.
   */
  static synchronized ServerOutput capture() {
    if (installed != null) {
      return installed;
    }
    ServerOutput output = new ServerOutput();
    installed = output;
    PrintStream original = System.out;
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (output.copy) {
              output.copy.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (output.copy) {
              output.copy.write(b, off, len);
            }
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    return output;
  }

  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }
}
