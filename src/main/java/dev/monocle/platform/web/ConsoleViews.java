package dev.monocle.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;

/**
 * Registers each admin console view ({@code /WEB-INF/admin/*.jsp}) as a servlet at its own path.
 * The JAX-RS application answers at "/*", a path mapping that outranks the container's "*.jsp"
 * extension mapping, so a page's forward to its view would otherwise reach JAX-RS. Exact mappings
 * outrank "/*"; clients still cannot request anything under {@code /WEB-INF}.
 */
@WebListener
public class ConsoleViews implements ServletContextListener {

  static final String VIEWS = "/WEB-INF/admin/";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Set<String> views = context.getResourcePaths(VIEWS);
    if (views == null) {
      return;
    }
    for (String view : views) {
      if (view.endsWith(".jsp")) {
        ServletRegistration page =
            context.addJspFile("console-view-" + view.substring(VIEWS.length()), view);
        page.addMapping(view);
      }
    }
  }
}
