package dev.monocle.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The one JAX-RS application of the WAR, at the server root: {@code /api/v1/...}, {@code
 * /.well-known/...} and {@code /apy/...} are resources of their modules. Health, metrics and
 * OpenAPI are served by Payara inside the same web module (longer servlet mappings win), so the
 * platform's request filter covers them too.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class MonocleApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.wadl.disableWadl", true,
        "jersey.config.server.response.setStatusOverSendError", true,
        "jersey.config.beanValidation.enableOutputValidationErrorEntity.server", false);
  }
}
