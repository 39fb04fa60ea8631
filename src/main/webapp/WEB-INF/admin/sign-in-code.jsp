<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Enter your code">
<m:form action="/admin/sign-in/code" css="card narrow">
  <label for="code">Code from your authenticator app</label>
  <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" autofocus>
  <button type="submit" id="verify">Sign in</button>
</m:form>
<m:form action="/admin/sign-in/code" css="card narrow">
  <label for="recovery_code">Or a recovery code</label>
  <input id="recovery_code" name="recovery_code" maxlength="64" autocomplete="off">
  <button type="submit" id="use-recovery" class="secondary">Sign in with recovery code</button>
</m:form>
</m:page>
