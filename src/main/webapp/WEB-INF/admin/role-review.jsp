<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Role review">
<p class="hint">Review every role assignment at least every 90 days: check the user still needs the role, then mark it reviewed. To take a role away, open the user's page.</p>
<c:choose>
  <c:when test="${empty rows}"><p class="card" id="no-assignments">No role assignments yet.</p></c:when>
  <c:otherwise>
    <table id="assignments">
      <thead><tr><th>User</th><th>Tenant</th><th>Role</th><th>Granted by</th><th>Granted at</th><th>Last reviewed</th><th>Reviewed by</th><th></th></tr></thead>
      <tbody>
      <c:forEach var="row" items="${rows}">
        <c:set var="a" value="${row.assignment()}"/>
        <tr>
          <td>
            <c:choose>
              <c:when test="${console.may()['/admin/users']}"><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/users/<c:out value='${a.userId()}'/>"><c:out value="${a.username()}"/></a></c:when>
              <c:otherwise><c:out value="${a.username()}"/></c:otherwise>
            </c:choose>
          </td>
          <td><c:out value="${a.tenant()}"/></td>
          <td><c:out value="${a.role()}"/></td>
          <td><c:choose><c:when test="${empty a.grantedBy()}"><span class="muted">system</span></c:when><c:otherwise><code><c:out value="${a.grantedBy()}"/></code></c:otherwise></c:choose></td>
          <td><c:out value="${a.grantedAt()}"/></td>
          <td>
            <c:choose><c:when test="${empty a.lastReviewedAt()}"><span class="muted">never</span></c:when><c:otherwise><c:out value="${a.lastReviewedAt()}"/></c:otherwise></c:choose>
            <c:if test="${row.reviewDue()}"> <span class="badge warn">review due</span></c:if>
          </td>
          <td><c:if test="${not empty a.reviewedBy()}"><code><c:out value="${a.reviewedBy()}"/></code></c:if></td>
          <td class="actions">
            <m:form action="/admin/role-review" css="inline">
              <input type="hidden" name="assignment" value="<c:out value='${a.id()}'/>">
              <c:if test="${not empty cursor}"><input type="hidden" name="cursor" value="<c:out value='${cursor}'/>"></c:if>
              <button type="submit" id="review-<c:out value='${a.id()}'/>" class="secondary">Mark reviewed</button>
            </m:form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<p class="pager">
  <c:if test="${not empty cursor}"><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/role-review" id="first-page">First page</a></c:if>
  <c:if test="${not empty nextCursor}">
    <c:url var="next" value="/admin/role-review"><c:param name="cursor" value="${nextCursor}"/></c:url>
    <a href="<c:out value='${next}'/>" id="next-page">Next page</a>
  </c:if>
</p>
</m:page>
