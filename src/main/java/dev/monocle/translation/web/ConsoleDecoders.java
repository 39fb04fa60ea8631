package dev.monocle.translation.web;

import dev.monocle.platform.ProblemException;
import dev.monocle.platform.ProblemException.FieldError;
import dev.monocle.platform.access.Allow;
import dev.monocle.platform.console.ConsolePage;
import dev.monocle.translation.internal.DecoderAdministration;
import dev.monocle.translation.internal.DecoderAdministration.NodeView;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The decoder pool in the console, for platform admins only: the nodes with their health, load and
 * circuit, and the changes of the admin API (register, drain, undrain, remove). The same {@link
 * DecoderAdministration} does the work, so its checks and audit events are the API's.
 */
@Allow
@WebServlet("/admin/decoders")
public class ConsoleDecoders extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @Inject transient DecoderAdministration administration;

  /** A row of the table: the node and its median latency in whole milliseconds (null: none yet). */
  public record Row(NodeView node, Long latencyP50Ms) {}

  @Override
  protected void show(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    List<Row> rows =
        administration.list().stream()
            .map(n -> new Row(n, n.latencyMsP50() == null ? null : Math.round(n.latencyMsP50())))
            .toList();
    request.setAttribute("nodes", rows);
    render(request, response, "decoders");
  }

  @Override
  protected Next change(HttpServletRequest request) {
    String action = required(request, "action", 16);
    switch (action) {
      case "add" -> {
        AdminDecodersResource.Register body =
            valid(
                new AdminDecodersResource.Register(
                    field(request, "url", 2048),
                    field(request, "kind", 16),
                    field(request, "api_key", 512)));
        NodeView node = administration.register(body.url(), body.kind(), body.apiKey());
        return Next.to("/admin/decoders", "Decoder " + node.url() + " registered.");
      }
      case "drain" -> {
        String id = required(request, "id", 64);
        boolean drained = drained(field(request, "drained", 8));
        administration.drain(id, drained);
        return Next.to(
            "/admin/decoders", drained ? "Decoder drained." : "Decoder takes work again.");
      }
      case "remove" -> {
        administration.remove(required(request, "id", 64));
        return Next.to("/admin/decoders", "Decoder removed.");
      }
      default ->
          throw ProblemException.validation(
              List.of(new FieldError("action", "must be add, drain or remove")));
    }
  }

  /** The drained flag of a drain form, exactly true or false as in the API's PATCH. */
  private static boolean drained(String value) {
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean(value);
    }
    throw ProblemException.validation(List.of(new FieldError("drained", "must be true or false")));
  }
}
