<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="User ${user.username()}">
<p><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/users" id="back">Back to users</a></p>
<c:set var="path" value="/admin/users/${user.id()}"/>
<section class="card" id="details">
  <h2>Details</h2>
  <table id="user">
    <tr><th>Username</th><td><c:out value="${user.username()}"/></td></tr>
    <tr><th>Tenant</th><td><c:out value="${user.tenant()}"/></td></tr>
    <tr><th>Email</th><td><c:out value="${user.email()}"/></td></tr>
    <tr><th>Roles</th><td id="user-roles"><c:forEach var="r" items="${user.roles()}" varStatus="s"><c:out value="${r}"/><c:if test="${not s.last}">, </c:if></c:forEach><c:if test="${empty user.roles()}"><span class="muted">none</span></c:if></td></tr>
    <tr><th>Two-step sign-in</th><td id="user-mfa"><span class="badge <c:out value='${user.mfaEnabled() ? "ok" : "warn"}'/>"><c:out value="${user.mfaEnabled() ? 'on' : 'off'}"/></span></td></tr>
    <tr><th>Status</th><td id="user-status"><span class="badge <c:out value='${user.disabled() ? "bad" : "ok"}'/>"><c:out value="${user.disabled() ? 'disabled' : 'active'}"/></span></td></tr>
    <tr><th>Created</th><td><c:out value="${user.createdAt()}"/></td></tr>
    <tr><th>Updated</th><td><c:out value="${user.updatedAt()}"/></td></tr>
    <tr><th>Id</th><td><code><c:out value="${user.id()}"/></code></td></tr>
  </table>
</section>

<h2>Roles</h2>
<m:form action="${path}" css="card">
  <input type="hidden" name="action" value="roles">
  <div role="group" aria-label="Roles">
    <c:forEach var="r" items="${roles}">
      <label class="check"><input type="checkbox" id="roles-<c:out value='${r}'/>" name="roles" value="<c:out value='${r}'/>"<c:if test="${user.roles().contains(r)}"> checked</c:if>><c:out value="${r}"/></label>
    </c:forEach>
  </div>
  <p class="hint">A change of roles ends the user's sessions: they sign in again with the new roles.</p>
  <button type="submit" id="save-roles">Save roles</button>
</m:form>

<h2>Account</h2>
<div class="card">
  <c:choose>
    <c:when test="${user.disabled()}">
      <m:form action="${path}" css="inline">
        <input type="hidden" name="action" value="enable">
        <button type="submit" id="enable">Enable user</button>
      </m:form>
    </c:when>
    <c:when test="${self}"><p class="hint">You cannot disable yourself.</p></c:when>
    <c:otherwise>
      <m:form action="${path}" css="inline">
        <input type="hidden" name="action" value="disable">
        <button type="submit" id="disable" class="danger">Disable user</button>
      </m:form>
    </c:otherwise>
  </c:choose>
  <m:form action="${path}" css="inline">
    <input type="hidden" name="action" value="reset-mfa">
    <button type="submit" id="reset-mfa" class="danger">Reset two-step sign-in</button>
  </m:form>
  <m:form action="${path}" css="inline">
    <input type="hidden" name="action" value="revoke-sessions">
    <button type="submit" id="revoke-sessions" class="danger">End all sessions</button>
  </m:form>
  <p class="hint">Disabling a user or resetting their two-step sign-in also ends their sessions. After a reset they set up their authenticator app again at the next sign-in.</p>
</div>
</m:page>
