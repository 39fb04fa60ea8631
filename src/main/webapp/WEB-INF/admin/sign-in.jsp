<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Sign in">
<c:if test="${ended}"><p class="flash note" id="ended">Your session has ended. Sign in again.</p></c:if>
<c:if test="${param.out != null}"><p class="flash note" id="signed-out">You have signed out.</p></c:if>
<m:form action="/admin/sign-in" css="card narrow">
  <label for="tenant">Tenant</label>
  <input id="tenant" name="tenant" maxlength="64" value="<c:out value='${empty param.tenant ? "platform" : param.tenant}'/>" autocomplete="organization">
  <label for="username">Username</label>
  <input id="username" name="username" maxlength="64" required autofocus value="<c:out value='${param.username}'/>" autocomplete="username">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" maxlength="1024" required autocomplete="current-password">
  <button type="submit" id="sign-in">Continue</button>
  <p class="hint">Next you enter the code of your authenticator app.</p>
</m:form>
</m:page>
