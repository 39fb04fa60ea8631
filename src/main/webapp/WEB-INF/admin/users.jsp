<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Users">
<p class="hint">Open a user to change their roles, disable them, reset two-step sign-in or end their sessions.</p>
<c:choose>
  <c:when test="${empty users.items()}"><p class="card" id="no-users">No users yet.</p></c:when>
  <c:otherwise>
    <table id="users">
      <thead><tr><th>Username</th><th>Tenant</th><th>Roles</th><th>Two-step sign-in</th><th>Status</th></tr></thead>
      <tbody>
      <c:forEach var="u" items="${users.items()}">
        <tr>
          <td><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/users/<c:out value='${u.id()}'/>"><c:out value="${u.username()}"/></a></td>
          <td><c:out value="${u.tenant()}"/></td>
          <td><c:forEach var="r" items="${u.roles()}" varStatus="s"><c:out value="${r}"/><c:if test="${not s.last}">, </c:if></c:forEach></td>
          <td><span class="badge <c:out value='${u.mfaEnabled() ? "ok" : "warn"}'/>"><c:out value="${u.mfaEnabled() ? 'on' : 'off'}"/></span></td>
          <td><span class="badge <c:out value='${u.disabled() ? "bad" : "ok"}'/>"><c:out value="${u.disabled() ? 'disabled' : 'active'}"/></span></td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<p class="pager">
  <c:if test="${not empty param.cursor}"><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/users" id="first-page">First page</a></c:if>
  <c:if test="${not empty users.nextCursor()}">
    <c:url var="next" value="/admin/users"><c:param name="cursor" value="${users.nextCursor()}"/></c:url>
    <a href="<c:out value='${next}'/>" id="next-page">Next page</a>
  </c:if>
</p>

<h2>Create user</h2>
<m:form action="/admin/users" css="card narrow">
  <c:if test="${platformWide}">
    <label for="tenant">Tenant</label>
    <input id="tenant" name="tenant" maxlength="64" value="<c:out value='${param.tenant}'/>" placeholder="<c:out value='${console.tenant()}'/>">
    <p class="hint">The tenant's slug; empty for your own tenant.</p>
  </c:if>
  <label for="username">Username</label>
  <input id="username" name="username" maxlength="64" required value="<c:out value='${param.username}'/>" autocomplete="off">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" maxlength="254" required value="<c:out value='${param.email}'/>" autocomplete="off">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" maxlength="1024" required autocomplete="new-password">
  <p class="hint">12 to 128 characters, not easy to guess. The user can change it after signing in.</p>
  <label id="roles-label">Roles</label>
  <div role="group" aria-labelledby="roles-label">
    <c:forEach var="r" items="${roles}">
      <label class="check"><input type="checkbox" id="roles-<c:out value='${r}'/>" name="roles" value="<c:out value='${r}'/>"<c:forEach var="v" items="${paramValues.roles}"><c:if test="${v eq r}"> checked</c:if></c:forEach>><c:out value="${r}"/></label>
    </c:forEach>
  </div>
  <button type="submit" id="create">Create user</button>
</m:form>
</m:page>
