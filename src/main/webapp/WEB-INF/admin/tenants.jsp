<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Tenants">
<p class="hint">Suspending a tenant ends the sessions of all its users and stops its API keys until it is activated again.</p>
<c:choose>
  <c:when test="${empty tenants.items()}"><p class="card" id="no-tenants">No tenants yet.</p></c:when>
  <c:otherwise>
    <table id="tenants">
      <thead><tr><th>Slug</th><th>Name</th><th>Status</th><th>Created</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="t" items="${tenants.items()}">
        <tr>
          <td><code><c:out value="${t.slug()}"/></code></td>
          <td><c:out value="${t.name()}"/></td>
          <td><span class="badge <c:out value='${t.status() == "active" ? "ok" : "bad"}'/>"><c:out value="${t.status()}"/></span></td>
          <td><c:out value="${t.createdAt()}"/></td>
          <td class="actions">
            <c:if test="${t.slug() != 'platform'}">
              <m:form action="/admin/tenants" css="inline">
                <input type="hidden" name="action" value="status">
                <input type="hidden" name="tenant" value="<c:out value='${t.id()}'/>">
                <c:choose>
                  <c:when test="${t.status() == 'active'}">
                    <input type="hidden" name="status" value="suspended">
                    <button type="submit" id="suspend-<c:out value='${t.slug()}'/>" class="danger">Suspend</button>
                  </c:when>
                  <c:otherwise>
                    <input type="hidden" name="status" value="active">
                    <button type="submit" id="activate-<c:out value='${t.slug()}'/>">Activate</button>
                  </c:otherwise>
                </c:choose>
              </m:form>
            </c:if>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<p class="pager">
  <c:if test="${not empty param.cursor}"><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/tenants" id="first-page">First page</a></c:if>
  <c:if test="${not empty tenants.nextCursor()}">
    <c:url var="next" value="/admin/tenants"><c:param name="cursor" value="${tenants.nextCursor()}"/></c:url>
    <a href="<c:out value='${next}'/>" id="next-page">Next page</a>
  </c:if>
</p>

<h2>Create tenant</h2>
<m:form action="/admin/tenants" css="card narrow">
  <input type="hidden" name="action" value="create">
  <label for="slug">Slug</label>
  <input id="slug" name="slug" maxlength="64" required pattern="[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?" value="<c:out value='${param.slug}'/>" autocomplete="off">
  <p class="hint">Lower-case letters, digits and dashes; users type it at sign-in. It cannot be changed later.</p>
  <label for="name">Name</label>
  <input id="name" name="name" maxlength="200" required value="<c:out value='${param.name}'/>" autocomplete="off">
  <button type="submit" id="create">Create tenant</button>
</m:form>
</m:page>
