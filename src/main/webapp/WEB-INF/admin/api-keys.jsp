<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="API keys">
<p class="hint">Services call the API with a key that carries scopes instead of roles. A key is shown once, when it is created or rotated. Rotating issues a new key; the previous one keeps working for a short grace period.</p>
<table id="api-keys">
  <thead><tr><th>Name</th><th>Prefix</th><th>Scopes</th><th>Created</th><th>Expires</th><th>Last used</th><th>State</th><th>Actions</th></tr></thead>
  <tbody>
    <c:forEach var="row" items="${keys}">
      <c:set var="k" value="${row.key()}"/>
      <tr id="key-<c:out value='${k.id()}'/>">
        <td><c:out value="${k.name()}"/></td>
        <td><code><c:out value="${k.prefix()}"/></code></td>
        <td><c:forEach var="s" items="${k.scopes()}"><span class="badge"><c:out value="${s}"/></span> </c:forEach></td>
        <td><c:out value="${k.createdAt()}"/></td>
        <td><c:out value="${k.expiresAt()}" default="—"/></td>
        <td><c:out value="${k.lastUsedAt()}" default="never"/></td>
        <td>
          <c:choose>
            <c:when test="${row.state() == 'revoked'}"><span class="badge bad">revoked</span> <span class="muted"><c:out value="${k.revokedAt()}"/></span></c:when>
            <c:when test="${row.state() == 'expired'}"><span class="badge warn">expired</span></c:when>
            <c:otherwise><span class="badge ok">active</span></c:otherwise>
          </c:choose>
        </td>
        <td class="actions">
          <c:if test="${row.active()}">
            <m:form action="/admin/api-keys" css="inline">
              <input type="hidden" name="action" value="rotate">
              <input type="hidden" name="id" value="<c:out value='${k.id()}'/>">
              <button type="submit" id="rotate-<c:out value='${k.id()}'/>" class="secondary">Rotate</button>
            </m:form>
            <m:form action="/admin/api-keys" css="inline">
              <input type="hidden" name="action" value="revoke">
              <input type="hidden" name="id" value="<c:out value='${k.id()}'/>">
              <button type="submit" id="revoke-<c:out value='${k.id()}'/>" class="danger">Revoke</button>
            </m:form>
          </c:if>
        </td>
      </tr>
    </c:forEach>
    <c:if test="${empty keys}"><tr><td colspan="8" class="muted">No API keys yet.</td></tr></c:if>
  </tbody>
</table>
<c:if test="${not empty nextCursor}">
  <c:url var="next" value="/admin/api-keys"><c:param name="cursor" value="${nextCursor}"/></c:url>
  <p class="pager"><a id="next-page" href="<c:out value='${next}'/>">Next page</a></p>
</c:if>

<h2>New API key</h2>
<m:form action="/admin/api-keys" css="card narrow">
  <input type="hidden" name="action" value="create">
  <label for="name">Name</label>
  <input id="name" name="name" maxlength="100" required value="<c:out value='${param.name}'/>">
  <label>Scopes</label>
  <div id="scopes">
    <c:forEach var="s" items="${scopes}">
      <c:set var="on" value="false"/>
      <c:forEach var="given" items="${paramValues.scopes}"><c:if test="${given == s}"><c:set var="on" value="true"/></c:if></c:forEach>
      <label class="check"><input type="checkbox" name="scopes" id="scope-<c:out value='${s}'/>" value="<c:out value='${s}'/>"<c:if test="${on}"> checked</c:if>><c:out value="${s}"/></label>
    </c:forEach>
  </div>
  <label for="expires_in_days">Expires in (days)</label>
  <input id="expires_in_days" name="expires_in_days" type="number" min="1" max="365" placeholder="90" value="<c:out value='${param.expires_in_days}'/>">
  <p class="hint">1 to 365 days; 90 when left empty.</p>
  <c:if test="${platformWide}">
    <label for="tenant">Tenant</label>
    <input id="tenant" name="tenant" maxlength="64" placeholder="<c:out value='${console.tenant()}'/>" value="<c:out value='${param.tenant}'/>">
    <p class="hint">The slug of the tenant the key belongs to; your own when left empty.</p>
  </c:if>
  <button type="submit" id="create">Create key</button>
</m:form>
</m:page>
