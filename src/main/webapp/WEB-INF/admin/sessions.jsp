<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Sessions">
<p class="hint">Sessions that are signed in now. Ending one signs that user out at once, on the API and in the console; they can sign in again. To lock a user out, disable them on their page.</p>
<c:choose>
  <c:when test="${empty sessions.items()}"><p class="card" id="no-sessions">No live sessions.</p></c:when>
  <c:otherwise>
    <table id="sessions">
      <thead><tr><th>User</th><th>Tenant</th><th>Created</th><th>Last used</th><th>Expires</th><th>Sign-in method</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="s" items="${sessions.items()}">
        <tr>
          <td>
            <a href="<c:out value='${pageContext.request.contextPath}'/>/admin/users/<c:out value='${s.userId()}'/>"><c:out value="${s.username()}"/></a>
            <c:if test="${s.id() == ownSession}"> <span class="badge ok">this session</span></c:if>
          </td>
          <td><c:out value="${s.tenant()}"/></td>
          <td><c:out value="${s.createdAt()}"/></td>
          <td><c:out value="${s.lastUsedAt()}"/></td>
          <td><c:out value="${s.expiresAt()}"/></td>
          <td><code><c:out value="${s.amr()}"/></code></td>
          <td class="actions">
            <m:form action="/admin/sessions" css="inline">
              <input type="hidden" name="session" value="<c:out value='${s.id()}'/>">
              <button type="submit" id="revoke-<c:out value='${s.id()}'/>" class="danger">Revoke</button>
            </m:form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<p class="pager">
  <c:if test="${not empty param.cursor}"><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/sessions" id="first-page">First page</a></c:if>
  <c:if test="${not empty sessions.nextCursor()}">
    <c:url var="next" value="/admin/sessions"><c:param name="cursor" value="${sessions.nextCursor()}"/></c:url>
    <a href="<c:out value='${next}'/>" id="next-page">Next page</a>
  </c:if>
</p>
</m:page>
