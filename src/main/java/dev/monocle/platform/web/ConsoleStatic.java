package dev.monocle.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console's static files (its stylesheet) from {@code /WEB-INF/static/}: the JAX-RS
 * application owns "/*", so the container's default servlet never sees these paths. Only plain
 * names of known types are served; everything else is not found.
 */
@WebServlet("/admin/static/*")
public class ConsoleStatic extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern NAME = Pattern.compile("/([a-z0-9-]{1,64})\\.(css|png|svg)");
  private static final Map<String, String> TYPES =
      Map.of("css", "text/css;charset=UTF-8", "png", "image/png", "svg", "image/svg+xml");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    Matcher name = path == null ? null : NAME.matcher(path);
    InputStream file =
        name != null && name.matches()
            ? getServletContext().getResourceAsStream("/WEB-INF/static" + path)
            : null;
    if (file == null) {
      response.sendError(404);
      return;
    }
    try (file) {
      response.setContentType(TYPES.get(name.group(2)));
      response.setHeader("Cache-Control", "public, max-age=3600");
      file.transferTo(response.getOutputStream());
    }
  }
}
